import type { Metadata } from "next";
import Link from "next/link";
import { Panel, SummaryList, Tag } from "@/components/nhs";
import { InvalidLink } from "@/components/participation/InvalidLink";
import { STUDY_CONTACT } from "@/lib/site";
import { getDb } from "@/lib/db/client";
import { ownInterviews, type OwnInterview } from "@/lib/interviews/own-interview";
import { ukSlotSpan } from "@/lib/interviews/slot-days";
import { loadManageView } from "@/lib/participation/manage-participation";
import { statusForParticipant } from "@/lib/participation/status-words";
import { formatUkDate, formatUkDateTime } from "@/lib/text/uk-dates";
import { countUnknownLinkFromThisClient } from "@/lib/security/unknown-link";

export const metadata: Metadata = { title: "Manage your participation", robots: { index: false } };

type Props = {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ signed?: string; declined?: string; withdrawn?: string; cancelled?: string }>;
};

function Confirmation({
  signed,
  declined,
  withdrawn,
  cancelled,
}: {
  signed?: string;
  declined?: string;
  withdrawn?: string;
  cancelled?: string;
}) {
  if (signed) {
    return (
      <Panel heading="Consent form signed" headingLevel={2}>
        <p>Thank you. We have emailed you a copy of your signed form, and you can download it below.</p>
      </Panel>
    );
  }
  if (declined) {
    return (
      <Panel heading="You have chosen not to take part" headingLevel={2}>
        <p>Thank you for letting us know. We will not contact you about that study again.</p>
      </Panel>
    );
  }
  if (withdrawn) {
    return (
      <Panel heading="You have withdrawn" headingLevel={2}>
        <p>We have emailed you to confirm. Nothing more will be arranged for you in the studies you withdrew from.</p>
      </Panel>
    );
  }
  if (cancelled) {
    return (
      <Panel heading="Interview cancelled" headingLevel={2}>
        <p>We have emailed you to confirm, with a file that removes it from your calendar.</p>
      </Panel>
    );
  }
  return null;
}

/** The interview part of a study's card: choose a time, or the time booked and how to change it. */
function InterviewPart({ token, own, studyTitle }: { token: string; own: OwnInterview; studyTitle: string }) {
  const chooser = `/manage/${token}/interview?for=${own.participationId}`;
  const about = <span className="nhsuk-u-visually-hidden"> ({studyTitle})</span>;
  if (own.booked) {
    return (
      <>
        <SummaryList
          rows={[
            { key: "Your interview", value: ukSlotSpan(own.booked) },
            {
              key: "Where",
              value: <a href={own.booked.meetingLink}>Join the interview on Microsoft Teams{about}</a>,
            },
          ]}
        />
        {own.booked.mayChange ? (
          <ul className="nhsuk-list">
            <li>
              <Link href={chooser} prefetch={false}>
                Change the time{about}
              </Link>
            </li>
            <li>
              <Link href={`/manage/${token}/interview/cancel?for=${own.participationId}`} prefetch={false}>
                Cancel the interview{about}
              </Link>
            </li>
          </ul>
        ) : (
          <p>{own.booked.afterCutoff}</p>
        )}
      </>
    );
  }
  if (!own.mayBook) return null;
  return (
    <p>
      <Link href={chooser} prefetch={false} className="nhsuk-button nhsuk-u-margin-bottom-0">
        Choose a time for your interview{about}
      </Link>
    </p>
  );
}

/** A person's own studies, statuses and signed forms, and the way out of each. Reading it changes nothing. */
export default async function ManagePage({ params, searchParams }: Props) {
  const { token } = await params;
  const view = await loadManageView(getDb(), token);
  if (view.kind === "invalid") {
    await countUnknownLinkFromThisClient();
    return <InvalidLink />;
  }
  const withdrawable = view.participations.filter((p) => p.canWithdraw);
  const interviews = await ownInterviews(getDb(), view.volunteerId);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <Confirmation {...await searchParams} />
        <span className="nhsuk-caption-l">{view.fullName}</span>
        <h1 className="nhsuk-heading-l">Manage your participation</h1>
        <p>You can withdraw from any study at any time, without giving a reason.</p>
        {view.participations.map((p) => (
          <section key={p.id} aria-labelledby={`study-${p.id}`} className="nhsuk-card">
            <div className="nhsuk-card__content">
              <h2 className="nhsuk-card__heading nhsuk-heading-m" id={`study-${p.id}`}>
                {p.studyTitle}
              </h2>
              <p>
                <Tag colour={statusForParticipant[p.status].colour}>
                  {statusForParticipant[p.status].tag}
                  {p.status === "WITHDRAWN" && p.withdrawnAt ? ` on ${formatUkDate(p.withdrawnAt)}` : ""}
                </Tag>
              </p>
              {statusForParticipant[p.status].detail ? <p>{statusForParticipant[p.status].detail}</p> : null}
              {interviews.has(p.id) ? (
                <InterviewPart token={token} own={interviews.get(p.id)!} studyTitle={p.studyTitle} />
              ) : null}
              {p.consentRecords.length > 0 ? (
                <SummaryList
                  rows={p.consentRecords.map((r) => ({
                    key: `Consent form version ${r.consentFormVersion}`,
                    value: (
                      <>
                        Signed {formatUkDateTime(r.signedAt)}.{" "}
                        <a href={`/manage/${token}/consent-records/${r.id}`} download>
                          Download your signed form (PDF)
                        </a>
                      </>
                    ),
                  }))}
                />
              ) : null}
              <p>
                <Link href={`/studies/${p.studySlug}/information-sheet`}>Read the participant information sheet</Link>
              </p>
              {p.workshopPlace ? (
                <p>
                  <Link href={`/manage/${token}/workshop?p=${p.id}`} prefetch={false}>
                    {p.status === "CONSENTED" ? "Choose a workshop session" : "See or change your workshop place"}
                  </Link>
                </p>
              ) : null}
              {p.canWithdraw ? (
                <p>
                  <Link href={`/manage/${token}/withdraw?from=${p.id}`} prefetch={false}>
                    Withdraw from this study<span className="nhsuk-u-visually-hidden"> ({p.studyTitle})</span>
                  </Link>
                </p>
              ) : null}
            </div>
          </section>
        ))}
        {withdrawable.length > 1 ? (
          <p>
            <Link href={`/manage/${token}/withdraw?from=all`} prefetch={false}>
              Withdraw from all studies
            </Link>
          </p>
        ) : null}
        <h2 className="nhsuk-heading-m">Questions</h2>
        <p>
          Contact {STUDY_CONTACT.name} at <a href={`mailto:${STUDY_CONTACT.email}`}>{STUDY_CONTACT.email}</a>.
        </p>
      </div>
    </div>
  );
}
