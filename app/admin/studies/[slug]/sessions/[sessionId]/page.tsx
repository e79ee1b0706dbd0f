import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { BackLink, SummaryList, type SummaryListRow } from "@/components/nhs";
import { DoneBanner } from "@/components/scheduling/DoneBanner";
import { bookingStatusWords, placesWords, sessionWhere, ukSpanWithZone } from "@/lib/scheduling/status-words";
import { loadWorkshopSession, type SessionPerson } from "@/lib/workshops/load-workshop-session";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { labelOf, regionOptions } from "@/lib/registration/questions";
import { formatUkDateTime } from "@/lib/text/uk-dates";

export const metadata: Metadata = { title: "Workshop session" };

type Props = {
  params: Promise<{ slug: string; sessionId: string }>;
  searchParams: Promise<{ done?: string; offered?: string }>;
};

function People({ people, caption, waitlist }: { people: SessionPerson[]; caption: string; waitlist?: boolean }) {
  return (
    <table className="nhsuk-table">
      <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">{caption}</caption>
      <thead className="nhsuk-table__head">
        <tr className="nhsuk-table__row">
          {waitlist ? (
            <th scope="col" className="nhsuk-table__header">
              Position
            </th>
          ) : null}
          <th scope="col" className="nhsuk-table__header">
            Name
          </th>
          <th scope="col" className="nhsuk-table__header">
            {waitlist ? "Joined" : "Status"}
          </th>
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {people.map((p, i) => (
          <tr key={p.bookingId} className="nhsuk-table__row">
            {waitlist ? <td className="nhsuk-table__cell">{i + 1}</td> : null}
            <td className="nhsuk-table__cell">
              <Link href={`/admin/volunteers/${p.volunteerId}/workshop`}>{p.fullName}</Link>
            </td>
            <td className="nhsuk-table__cell">
              {waitlist && p.waitlistedAt
                ? formatUkDateTime(p.waitlistedAt)
                : p.status === "OFFERED" && p.offerExpiresAt
                  ? `${bookingStatusWords[p.status]} (until ${formatUkDateTime(p.offerExpiresAt)})`
                  : bookingStatusWords[p.status]}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One workshop session: its details, who has a place and who is waiting. Any researcher; admins manage it. */
export default async function SessionPage({ params, searchParams }: Props) {
  const researcher = await requireResearcher();
  const { slug, sessionId } = await params;
  const { done, offered } = await searchParams;
  const id = z.uuid().safeParse(sessionId);
  if (
    !id.success ||
    !z
      .string()
      .regex(/^[a-z0-9-]{1,64}$/)
      .safeParse(slug).success
  )
    notFound();
  const view = await loadWorkshopSession(getDb(), researcher, { studySlug: slug, sessionId: id.data });
  if (!view) notFound();
  const { session, study } = view;
  const base = `/admin/studies/${study.slug}/sessions/${session.id}`;
  const open = !session.cancelledAt && session.startsAt > new Date();
  const rows: SummaryListRow[] = [
    { key: "When", value: ukSpanWithZone(session.startsAt, session.endsAt) },
    { key: "Where", value: sessionWhere(session) },
    ...(session.mode === "ONLINE" && session.onlineLink
      ? [
          {
            key: "Online link",
            value: (
              <a href={session.onlineLink} className="app-break-word" rel="noreferrer noopener" target="_blank">
                {session.onlineLink} (opens in a new tab)
              </a>
            ),
          },
        ]
      : []),
    { key: "Region", value: session.region ? labelOf(regionOptions, session.region) : "Any" },
    {
      key: "Places",
      value: `${session.booked} of ${session.capacity} booked${session.offered > 0 ? `, ${session.offered} offered to the waiting list` : ""}. ${placesWords(session)}.`,
    },
    ...(session.cancelledAt ? [{ key: "Cancelled", value: formatUkDateTime(session.cancelledAt) }] : []),
  ];
  const offeredCount = Number(offered);
  return (
    <>
      <BackLink href={`/admin/studies/${study.slug}/sessions`}>Back to the sessions</BackLink>
      {done === "updated" ? (
        <DoneBanner heading="Session saved">
          <p>
            If its time or place changed, everyone with a place has been emailed an updated calendar invitation and
            everyone waiting has been told.
            {offeredCount > 0
              ? ` ${offeredCount} ${offeredCount === 1 ? "person" : "people"} on the waiting list ${offeredCount === 1 ? "has" : "have"} been offered a place.`
              : ""}
          </p>
        </DoneBanner>
      ) : null}
      <span className="nhsuk-caption-l">{study.shortTitle}</span>
      <h1 className="nhsuk-heading-l">{session.title}</h1>
      <SummaryList rows={rows} />
      {researcher.role === "ADMIN" && open ? (
        <ul className="nhsuk-list">
          <li>
            <Link href={`${base}/edit`}>Change this session</Link>
          </li>
          <li>
            <Link href={`${base}/cancel`}>Cancel this session</Link>
          </li>
        </ul>
      ) : null}
      <h2 className="nhsuk-heading-m">People with a place</h2>
      {view.places.length === 0 ? (
        <p>No one yet. Give people places from their own pages.</p>
      ) : (
        <People people={view.places} caption={`People with a place at ${session.title}`} />
      )}
      <h2 className="nhsuk-heading-m">Waiting list</h2>
      {view.waitlist.length === 0 ? (
        <p>No one is waiting.</p>
      ) : (
        <>
          <p>When a place frees up, it is offered to the first person, who is emailed at once.</p>
          <People people={view.waitlist} caption={`Waiting list for ${session.title}, in order`} waitlist />
        </>
      )}
    </>
  );
}
