import { canWithdraw } from "@/lib/participation/status";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ConsentRecordView } from "@/components/admin/volunteers/ConsentRecordView";
import { DoneBanner } from "@/components/admin/volunteers/DoneBanner";
import { EmailsTable } from "@/components/admin/volunteers/EmailsTable";
import { ParticipationSection } from "@/components/admin/volunteers/ParticipationSection";
import { ButtonLink, Details, InsetText, SummaryList } from "@/components/nhs";
import { loadVolunteerRecord } from "@/lib/volunteers/load-volunteer-record";
import { verifyVolunteerConsentRecord } from "@/lib/volunteers/volunteer-consent-record";
import { volunteerIdSchema } from "@/lib/volunteers/forms";
import { actorWords } from "@/lib/volunteers/words";
import { describeAuditAction } from "@/lib/audit/action-words";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { formatUkDate, formatUkDateTime } from "@/lib/text/uk-dates";
import { inviteAction } from "./actions";

export const metadata: Metadata = { title: "Volunteer" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string; verify?: string; study?: string }>;
};

const NOT_GIVEN = "Not given";

/**
 * One volunteer: their details, every submission, each study with eligibility, consent records and what
 * is arranged, the audit timeline and every email sent to them, with the team's actions. After an
 * erasure it shows only what is kept.
 */
export default async function VolunteerPage({ params, searchParams }: Props) {
  const researcher = await requireResearcher();
  const id = volunteerIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const db = getDb();
  const record = await loadVolunteerRecord(db, researcher, id.data);
  if (!record) notFound();
  const { done, verify, study } = await searchParams;
  const verifyId = z.uuid().safeParse(verify);
  const verification = verifyId.success
    ? {
        recordId: verifyId.data,
        report: await verifyVolunteerConsentRecord(db, researcher, { volunteerId: id.data, recordId: verifyId.data }),
      }
    : null;

  const { volunteer, submissions, participations, emails, timeline } = record;
  const erased = volunteer.erasedAt !== null;
  const base = `/admin/volunteers/${volunteer.id}`;
  const open = participations.filter((p) => canWithdraw(p.status));
  const doneStudy = participations.find((p) => p.id === study)?.study.title;

  return (
    <>
      <DoneBanner done={done} studyTitle={doneStudy} />
      <span className="nhsuk-caption-l">Volunteer</span>
      <h1 className="nhsuk-heading-l app-break-word">{erased ? "Erased volunteer" : volunteer.fullName}</h1>

      {erased ? (
        <InsetText>
          <p>
            Their personal data was erased on {formatUkDate(volunteer.erasedAt!)}. The signed consent form and the
            record of any withdrawal are kept, as the ethics approval requires, with their studies&apos; statuses and
            the audit trail.
          </p>
        </InsetText>
      ) : null}

      <h2 className="nhsuk-heading-m">Their details</h2>
      <SummaryList
        rows={
          erased
            ? [
                { key: "Registered", value: formatUkDate(volunteer.createdAt) },
                { key: "Erased", value: formatUkDateTime(volunteer.erasedAt!) },
              ]
            : [
                {
                  key: "Email address",
                  value: (
                    <a className="app-break-word" href={`mailto:${volunteer.email}`}>
                      {volunteer.email}
                    </a>
                  ),
                },
                { key: "Phone number", value: volunteer.phone ?? NOT_GIVEN },
                { key: "NHS trust or organisation", value: volunteer.employer ?? NOT_GIVEN },
                { key: "Staff group", value: volunteer.staffGroup ?? NOT_GIVEN },
                { key: "Role or job title", value: volunteer.jobTitle ?? NOT_GIVEN },
                { key: "Region", value: volunteer.region ?? NOT_GIVEN },
                { key: "Partnership country", value: volunteer.partnershipCountry ?? NOT_GIVEN },
                { key: "Registered", value: formatUkDate(volunteer.createdAt) },
              ]
        }
      />

      <h2 className="nhsuk-heading-m">Studies</h2>
      {participations.length === 0 ? <p>They have not asked to take part in any study.</p> : null}
      {participations.map((p) => (
        <ParticipationSection
          key={p.id}
          volunteerId={volunteer.id}
          participation={p}
          erased={erased}
          inviteAction={inviteAction}
          consentRecords={p.consentRecords.map((r) => (
            <ConsentRecordView
              key={r.id}
              volunteerId={volunteer.id}
              record={r}
              verification={verification?.recordId === r.id ? verification.report : undefined}
            />
          ))}
        />
      ))}

      <h2 className="nhsuk-heading-m">What they told us</h2>
      <p>Every registration they submitted, newest first.</p>
      {submissions.map((s, index) => (
        <Details key={s.id} open={index === 0} summary={`Submitted ${formatUkDateTime(s.submittedAt)}`}>
          <p>Privacy notice version {s.privacyNoticeVersion}.</p>
          {s.erased ? (
            <p>The answers were erased at their request.</p>
          ) : (
            s.sections.map((section) => (
              <div key={section.step}>
                <h3 className="nhsuk-heading-s">{section.title}</h3>
                <SummaryList
                  rows={section.rows.map((row) => ({
                    key: row.question,
                    value: <span className="app-pre-line app-break-word">{row.answer}</span>,
                  }))}
                />
              </div>
            ))
          )}
        </Details>
      ))}

      <h2 className="nhsuk-heading-m">Timeline</h2>
      {timeline.length === 0 ? (
        <p>Nothing has been recorded about them yet.</p>
      ) : (
        <ol className="nhsuk-list nhsuk-list--bullet" aria-label="What happened, oldest first">
          {timeline.map((e) => (
            <li key={e.id}>
              {formatUkDateTime(e.occurredAt)}: {describeAuditAction(e.action)}, by{" "}
              {e.actorType === "RESEARCHER" ? (e.actorName ?? "a researcher") : actorWords[e.actorType]}
            </li>
          ))}
        </ol>
      )}

      <h2 className="nhsuk-heading-m">Emails sent to them</h2>
      <EmailsTable emails={emails} erased={erased} />

      <h2 className="nhsuk-heading-m">Their data and their rights</h2>
      <ul className="nhsuk-list">
        <li>
          <a href={`${base}/export`} download>
            Download all their data (subject access request, JSON)
          </a>
        </li>
        {!erased && open.length > 0 ? (
          <li>
            <Link href={`${base}/withdraw`}>Record a withdrawal they asked for</Link>
          </li>
        ) : null}
      </ul>
      {!erased && researcher.role === "ADMIN" ? (
        <ButtonLink href={`${base}/erase`} variant="warning">
          Erase their personal data
        </ButtonLink>
      ) : null}
    </>
  );
}
