import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Cell, ResponsiveTable, Row } from "@/components/admin/ResponsiveTable";
import { BackLink, ButtonLink } from "@/components/nhs";
import { DoneBanner } from "@/components/scheduling/DoneBanner";
import { listInterviewSlots, startOfUkToday, type TeamSlot } from "@/lib/interviews/list-interview-slots";
import { publishWords } from "@/lib/interviews/slot-preview";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { studySlugSchema } from "@/lib/studies/study-settings-form";
import { ukTimeZoneName } from "@/lib/text/london-time";
import { formatUkTime } from "@/lib/text/uk-dates";

export const metadata: Metadata = { title: "Interview times" };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ done?: string; count?: string; first?: string; last?: string; earlier?: string }>;
};

const headings = ["Time (UK)", "Length", "Interviewer", "Status", "Booked by"] as const;

function stateWords(slot: TeamSlot): string {
  switch (slot.state) {
    case "OPEN":
      return "Open";
    case "BOOKED":
      return slot.past ? "Booked (in the past)" : "Booked";
    case "WITHDRAWN":
      return "Withdrawn";
    case "PAST":
      return "Past, not booked";
  }
}

/** What was published, from the confirmation's address, if it is what publishing put there. */
function publishedWords(count?: string, first?: string, last?: string): string {
  const n = z.coerce.number().int().min(1).max(200).safeParse(count);
  const from = z.iso.datetime().safeParse(first);
  const to = z.iso.datetime().safeParse(last);
  if (!n.success || !from.success || !to.success) return "The times are now on offer.";
  return publishWords({ count: n.data, first: new Date(from.data), last: new Date(to.data) }, "did");
}

/** A study of interviews' published times, by UK day: open, booked and by whom, withdrawn, past. Any researcher. */
export default async function InterviewSlotsPage({ params, searchParams }: Props) {
  const researcher = await requireResearcher();
  const { slug } = await params;
  const { done, count, first, last, earlier } = await searchParams;
  if (!studySlugSchema.safeParse(slug).success) notFound();
  const showEarlier = earlier === "yes";
  const view = await listInterviewSlots(getDb(), researcher, {
    studySlug: slug,
    from: showEarlier ? undefined : startOfUkToday(),
  });
  if (!view) notFound();
  const base = `/admin/studies/${view.study.slug}/slots`;

  return (
    <>
      <BackLink href={`/admin/studies/${view.study.slug}`}>Back to {view.study.shortTitle}</BackLink>
      {done === "published" ? (
        <DoneBanner heading="Interview times published">
          <p>{publishedWords(count, first, last)}</p>
          <p>People who have consented can now book them from their personal link.</p>
        </DoneBanner>
      ) : done === "withdrawn" ? (
        <DoneBanner heading="Interview time withdrawn">
          <p>Nobody can book it now.</p>
        </DoneBanner>
      ) : null}
      <span className="nhsuk-caption-l">{view.study.title}</span>
      <h1 className="nhsuk-heading-l">Interview times</h1>
      <p>
        Times are UK time: GMT in winter, BST in summer. {view.counts.OPEN} open, {view.counts.BOOKED} booked
        {view.counts.WITHDRAWN > 0 ? `, ${view.counts.WITHDRAWN} withdrawn` : ""}
        {view.counts.PAST > 0 ? `, ${view.counts.PAST} past and not booked` : ""}.
      </p>
      <ButtonLink href={`${base}/new`} variant="secondary">
        Publish interview times
      </ButtonLink>
      <p>
        {showEarlier ? (
          <Link href={base}>Show only today and later</Link>
        ) : (
          <Link href={`${base}?earlier=yes`}>Show earlier times too</Link>
        )}
      </p>
      {view.days.length === 0 ? (
        <p>There are no interview times {showEarlier ? "yet" : "from today on"}.</p>
      ) : (
        view.days.map((day) => (
          <section key={day.key} aria-labelledby={`day-${day.key}`}>
            <h2 className="nhsuk-heading-m" id={`day-${day.key}`}>
              {day.label}
            </h2>
            <ResponsiveTable caption={`Interview times on ${day.label}`} headings={headings}>
              {day.slots.map((slot) => (
                <Row key={slot.id}>
                  <Cell heading={headings[0]}>
                    {formatUkTime(slot.startsAt)} ({ukTimeZoneName(slot.startsAt)})
                  </Cell>
                  <Cell heading={headings[1]}>{slot.durationMinutes} minutes</Cell>
                  <Cell heading={headings[2]}>{slot.interviewerName ?? "Not decided yet"}</Cell>
                  <Cell heading={headings[3]}>{stateWords(slot)}</Cell>
                  <Cell heading={headings[4]}>
                    {slot.bookedBy ? (
                      <Link href={`/admin/volunteers/${slot.bookedBy.volunteerId}/interview`}>
                        {slot.bookedBy.fullName ?? "Erased volunteer"}
                      </Link>
                    ) : slot.state === "OPEN" ? (
                      <Link href={`${base}/${slot.id}/withdraw`}>
                        Withdraw
                        <span className="nhsuk-u-visually-hidden">
                          {" "}
                          the time at {formatUkTime(slot.startsAt)} on {day.label}
                        </span>
                      </Link>
                    ) : (
                      "Nobody"
                    )}
                  </Cell>
                </Row>
              ))}
            </ResponsiveTable>
          </section>
        ))
      )}
    </>
  );
}
