import type { Metadata } from "next";
import Link from "next/link";
import { InsetText, SummaryList, WarningCallout } from "@/components/nhs";
import { ConsentForm } from "@/components/consent/ConsentForm";
import { InvalidLink } from "@/components/participation/InvalidLink";
import { findConsentInvitation } from "@/lib/consent/consent-invitation";
import { getDb } from "@/lib/db/client";
import { formatUkDate, formatUkDateTime } from "@/lib/text/uk-dates";
import { consentFormAction } from "./actions";
import { countUnknownLinkFromThisClient } from "@/lib/security/unknown-link";

export const metadata: Metadata = { title: "Consent form", robots: { index: false } };

type Props = { params: Promise<{ token: string }> };

/** Opening this page changes nothing: only the person's own form posts sign, decline or ask. */
export default async function ConsentPage({ params }: Props) {
  const { token } = await params;
  const invitation = await findConsentInvitation(getDb(), token);
  if (invitation.kind === "invalid") {
    await countUnknownLinkFromThisClient();
    return <InvalidLink />;
  }
  if (invitation.kind === "withdrawn" || invitation.kind === "not-open") {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1 className="nhsuk-heading-l">{invitation.studyTitle}</h1>
          <p>
            {invitation.kind === "withdrawn"
              ? "You have withdrawn from this study, so there is nothing to sign."
              : "This study is not taking consent at the moment, so there is nothing to sign."}
          </p>
        </div>
      </div>
    );
  }
  if (invitation.kind === "signed") {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <h1 className="nhsuk-heading-l">You have already signed this consent form</h1>
          <SummaryList
            rows={[
              { key: "Study", value: invitation.studyTitle },
              { key: "Signed", value: formatUkDateTime(invitation.signedAt) },
              {
                key: "Record fingerprint (SHA-256)",
                value: <span className="app-break-word">{invitation.contentHash}</span>,
              },
            ]}
          />
          <p>
            Your signed form is attached to the email we sent you, and you can download it from &ldquo;Manage your
            participation&rdquo;.
          </p>
        </div>
      </div>
    );
  }

  const { study, form, signableFrom } = invitation;
  const sheet = form.informationSheet;
  const sheetHref = `/studies/${study.slug}/information-sheet/${encodeURIComponent(sheet.version)}`;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <span className="nhsuk-caption-l">Consent form</span>
        <h1 className="nhsuk-heading-l">{study.title}</h1>
        {invitation.reconsent ? (
          <InsetText>
            <p>
              The consent form has been updated. Your earlier consent stays on record; please review and sign this
              version to carry on taking part.
            </p>
          </InsetText>
        ) : null}
        <SummaryList
          rows={[
            { key: "Participant", value: invitation.participantName },
            ...(study.ethicsReference
              ? [
                  {
                    key: "Ethical approval",
                    value: `${study.ethicsCommittee ?? "Research ethics committee"}, reference ${study.ethicsReference}`,
                  },
                ]
              : []),
            { key: "Consent form", value: `Version ${form.version}, dated ${formatUkDate(form.versionDate)}` },
            {
              key: "Participant information sheet",
              value: (
                <>
                  Version {sheet.version}, dated {formatUkDate(sheet.versionDate)}.{" "}
                  <a href={sheetHref} target="_blank" rel="noopener">
                    Read the information sheet (opens in a new tab)
                  </a>
                </>
              ),
            },
          ]}
        />
        <p>
          This form refers to the participant information sheet version {sheet.version}, dated{" "}
          {formatUkDate(sheet.versionDate)}. Please read it before you decide. Taking part is voluntary, and you can
          withdraw at any time without giving a reason.
        </p>
        {signableFrom ? (
          <WarningCallout heading="Time to consider">
            <p>
              We ask everyone to take time to consider before signing. You can sign this form from{" "}
              {formatUkDateTime(signableFrom)} (UK time), using this same link.
            </p>
          </WarningCallout>
        ) : (
          <ConsentForm
            action={consentFormAction.bind(null, token)}
            consentFormId={form.id}
            statements={form.statements.map((s) => ({
              id: s.id,
              position: s.position,
              text: s.text,
              required: s.required,
            }))}
            today={formatUkDate(new Date())}
          />
        )}
        <h2 className="nhsuk-heading-m">Not ready to sign?</h2>
        <ul className="nhsuk-list">
          <li>
            <Link href={`/consent/${token}/questions`} prefetch={false}>
              I would like to speak to the study team first
            </Link>
          </li>
          <li>
            <Link href={`/consent/${token}/decline`} prefetch={false}>
              I do not want to take part
            </Link>
          </li>
        </ul>
      </div>
    </div>
  );
}
