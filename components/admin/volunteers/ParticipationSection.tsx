import Link from "next/link";
import type { ReactNode } from "react";
import { SummaryList, Tag, type SummaryListRow } from "@/components/nhs";
import type { VolunteerParticipation } from "@/lib/volunteers/load-volunteer-record";
import { arrangement, canInvite, canWithdraw, isFirstInvitation } from "@/lib/participation/status";
import { eligibilityForResearchers, statusForResearchers } from "@/lib/participation/status-words";
import { bookingStatusWords, interviewStatusWords } from "@/lib/scheduling/status-words";
import { channelWords } from "@/lib/volunteers/words";
import { formatUkDate, formatUkDateTime, formatUkTime } from "@/lib/text/uk-dates";
import { InviteForm } from "./InviteForm";
import type { VolunteerFormAction } from "./use-volunteer-form";

type Props = {
  volunteerId: string;
  participation: VolunteerParticipation;
  erased: boolean;
  inviteAction: VolunteerFormAction;
  consentRecords: ReactNode[];
};

function Arrangement({ volunteerId, p, erased }: { volunteerId: string; p: VolunteerParticipation; erased: boolean }) {
  const base = `/admin/volunteers/${volunteerId}`;
  const next = arrangement({ status: p.status, erased });
  const canArrange = next === "arrange";
  const waiting = next === "after-consent";
  if (p.study.kind === "INTERVIEW") {
    const i = p.interview;
    return (
      <>
        <p>
          {i
            ? `Interview: ${formatUkTime(i.startsAt)} on ${formatUkDate(i.startsAt)}, ${i.durationMinutes} minutes (${interviewStatusWords[i.status]}).`
            : "No interview arranged."}
        </p>
        {canArrange ? (
          <p>
            <Link href={`${base}/interview`}>Schedule or change the interview</Link>
          </p>
        ) : waiting ? (
          <p>An interview can be arranged once they have signed the consent form.</p>
        ) : null}
      </>
    );
  }
  const b = p.workshopBooking;
  return (
    <>
      <p>
        {b
          ? `Workshop: ${b.session.title}, ${formatUkTime(b.session.startsAt)} on ${formatUkDate(b.session.startsAt)}, ${b.session.mode === "ONLINE" ? "online" : (b.session.location ?? "in person")} (${bookingStatusWords[b.status]}).`
          : "No workshop place arranged."}
      </p>
      {canArrange ? (
        <p>
          <Link href={`${base}/workshop`}>Assign to a workshop session</Link>
        </p>
      ) : waiting ? (
        <p>A workshop place can be arranged once they have signed the consent form.</p>
      ) : null}
    </>
  );
}

/** One study of a volunteer's: status, eligibility and why, consent records, what is arranged, and the actions. */
export function ParticipationSection({ volunteerId, participation: p, erased, inviteAction, consentRecords }: Props) {
  const base = `/admin/volunteers/${volunteerId}`;
  const headingId = `study-${p.id}`;
  const status = statusForResearchers[p.status];
  const effective = p.override?.outcome ?? p.eligibility;
  const invitable = !erased && effective === "ELIGIBLE" && canInvite(p.status);
  const rows: SummaryListRow[] = [
    { key: "Status", value: <Tag colour={status.colour}>{status.label}</Tag> },
    {
      key: "Eligibility",
      value: (
        <>
          <p className="nhsuk-u-margin-bottom-2">
            {p.override
              ? `${eligibilityForResearchers[p.override.outcome].label} (overridden)`
              : eligibilityForResearchers[p.eligibility].label}
          </p>
          {p.override ? (
            <p className="nhsuk-u-margin-bottom-2">
              From their answers: {eligibilityForResearchers[p.eligibility].label.toLowerCase()}. Overridden by{" "}
              {p.override.by ?? "a researcher"}
              {p.override.at ? ` on ${formatUkDate(p.override.at)}` : ""}. Reason:{" "}
              <span className="app-pre-line">{p.override.reason}</span>
            </p>
          ) : null}
          {p.eligibilityReasons.length > 0 ? (
            <ul className="nhsuk-list nhsuk-list--bullet nhsuk-u-margin-bottom-0">
              {p.eligibilityReasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          ) : (
            <p className="nhsuk-u-margin-bottom-0">Their answers meet every criterion.</p>
          )}
        </>
      ),
      actions: erased
        ? []
        : [
            {
              href: `${base}/eligibility/${p.id}`,
              text: p.override ? "Change or remove the override" : "Override",
              visuallyHiddenText: `eligibility for ${p.study.title}`,
            },
          ],
    },
  ];
  if (p.invitedAt) rows.push({ key: "Invited", value: formatUkDateTime(p.invitedAt) });
  if (p.consentedAt) rows.push({ key: "Consented", value: formatUkDateTime(p.consentedAt) });
  if (p.reconsentRequestedAt)
    rows.push({ key: "Asked to re-consent", value: formatUkDateTime(p.reconsentRequestedAt) });
  if (p.completedAt) rows.push({ key: "Taken part", value: formatUkDateTime(p.completedAt) });
  for (const w of p.withdrawals) {
    rows.push({
      key: "Withdrew",
      value: (
        <>
          <p className="nhsuk-u-margin-bottom-2">
            {formatUkDateTime(w.withdrawnAt)},{" "}
            {w.method === "SELF_SERVICE"
              ? "online, by themselves"
              : `recorded by ${w.recordedBy ?? "a researcher"}, told ${channelWords[w.channel ?? ""] ?? "another way"}`}
            .
          </p>
          <p className="nhsuk-u-margin-bottom-2">
            Information already given:{" "}
            {w.dataChoice === "KEEP" ? "can be kept and used" : "to be removed where still possible"}.
          </p>
          <p className="nhsuk-u-margin-bottom-0">
            Reason: {w.reason ? <span className="app-pre-line">{w.reason}</span> : "none given"}
          </p>
        </>
      ),
    });
  }
  return (
    <section aria-labelledby={headingId} className="nhsuk-card">
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-m" id={headingId}>
          {p.study.title}
        </h3>
        <SummaryList rows={rows} />
        {invitable ? (
          <InviteForm
            action={inviteAction}
            volunteerId={volunteerId}
            participationId={p.id}
            studyTitle={p.study.title}
            label={isFirstInvitation(p.status) ? "Send the invitation" : "Send a new consent link"}
          />
        ) : null}
        <Arrangement volunteerId={volunteerId} p={p} erased={erased} />
        {consentRecords.length > 0 ? <h4 className="nhsuk-heading-s">Consent records</h4> : null}
        {consentRecords}
        {!erased && canWithdraw(p.status) ? (
          <p className="nhsuk-u-margin-bottom-0">
            <Link href={`${base}/withdraw?from=${p.id}`}>
              Record a withdrawal from this study<span className="nhsuk-u-visually-hidden"> ({p.study.title})</span>
            </Link>
          </p>
        ) : null}
      </div>
    </section>
  );
}
