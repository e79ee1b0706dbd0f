import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { BackLink, ButtonLink } from "@/components/nhs";
import { DoneBanner } from "@/components/scheduling/DoneBanner";
import { sessionWhere, ukSpanWithZone } from "@/lib/scheduling/status-words";
import { listWorkshopSessions, type SessionSummary } from "@/lib/workshops/list-workshop-sessions";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { labelOf, regionOptions } from "@/lib/registration/questions";

export const metadata: Metadata = { title: "Workshop sessions" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ done?: string }> };

const doneWords: Record<string, { heading: string; body: string }> = {
  created: { heading: "Session added", body: "Researchers can now give people places at it." },
  cancelled: {
    heading: "Session cancelled",
    body: "Everyone with a place or on its waiting list has been emailed, and can be given a place at another session.",
  },
};

function state(s: SessionSummary, now: Date): string {
  if (s.cancelledAt) return "Cancelled";
  if (s.startsAt <= now) return "Taken place";
  return s.booked >= s.capacity ? "Full" : "Open";
}

const headings = ["Session", "When (UK time)", "Where", "Region", "Places booked", "Waiting list", "Status"] as const;

/** A study of workshops' sessions: when, where, places and waiting lists. Any researcher sees it; admins manage. */
export default async function SessionsPage({ params, searchParams }: Props) {
  const researcher = await requireResearcher();
  const { slug } = await params;
  const { done } = await searchParams;
  if (
    !z
      .string()
      .regex(/^[a-z0-9-]{1,64}$/)
      .safeParse(slug).success
  )
    notFound();
  const view = await listWorkshopSessions(getDb(), researcher, { studySlug: slug });
  if (!view) notFound();
  const confirmation = typeof done === "string" ? doneWords[done] : undefined;
  const now = new Date();
  const isAdmin = researcher.role === "ADMIN";

  return (
    <>
      <BackLink href={`/admin/studies/${view.study.slug}`}>Back to {view.study.shortTitle}</BackLink>
      {confirmation ? (
        <DoneBanner heading={confirmation.heading}>
          <p>{confirmation.body}</p>
        </DoneBanner>
      ) : null}
      <span className="nhsuk-caption-l">{view.study.title}</span>
      <h1 className="nhsuk-heading-l">Workshop sessions</h1>
      <p>Times are UK time: GMT in winter, BST in summer.</p>
      {isAdmin ? (
        <ButtonLink href={`/admin/studies/${view.study.slug}/sessions/new`} variant="secondary">
          Add a session
        </ButtonLink>
      ) : (
        <p>Only admins can add, change or cancel sessions.</p>
      )}
      {view.sessions.length === 0 ? (
        <p>There are no sessions yet.</p>
      ) : (
        <table className="nhsuk-table nhsuk-table--responsive">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
            Sessions of {view.study.shortTitle}, in time order
          </caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              {headings.map((h) => (
                <th key={h} scope="col" className="nhsuk-table__header">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {view.sessions.map((s) => {
              const cells = [
                <Link key="title" href={`/admin/studies/${view.study.slug}/sessions/${s.id}`}>
                  {s.title}
                </Link>,
                ukSpanWithZone(s.startsAt, s.endsAt),
                s.mode === "ONLINE" && s.onlineLink ? (
                  <span key="where">
                    Online (
                    <a href={s.onlineLink} className="app-break-word" rel="noreferrer noopener" target="_blank">
                      link, opens in a new tab
                    </a>
                    )
                  </span>
                ) : (
                  sessionWhere(s)
                ),
                s.region ? labelOf(regionOptions, s.region) : "Any",
                `${s.booked} of ${s.capacity}`,
                String(s.waitlisted),
                state(s, now),
              ];
              return (
                <tr key={s.id} className="nhsuk-table__row">
                  {cells.map((cell, i) => (
                    <td key={headings[i]} className="nhsuk-table__cell">
                      <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                        {headings[i]}{" "}
                      </span>
                      {cell}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
