import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { arrangementAddress, type ArrangementPageProps } from "../arrangement-address";
import { BackLink, InsetText, SummaryList } from "@/components/nhs";
import { ChoiceForm } from "@/components/scheduling/ChoiceForm";
import { participationRows, StudyChoice } from "@/components/scheduling/ArrangementHeader";
import { DoneBanner } from "@/components/scheduling/DoneBanner";
import { NEEDS_CONSENT } from "@/lib/scheduling/errors";
import { mayAssignWorkshop } from "@/lib/participation/status";
import {
  bookingStatusWords,
  placesWords,
  sessionWhere,
  ukDateTimeWithZone,
  ukSpanWithZone,
} from "@/lib/scheduling/status-words";
import { loadWorkshopPage } from "@/lib/workshops/load-workshop-page";
import { placeIsSettled } from "@/lib/workshops/place-rules";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { labelOf, regionOptions, workshopFormatOptions } from "@/lib/registration/questions";
import { assignWorkshopPlaceAction, recordWorkshopAttendanceAction } from "./actions";

export const metadata: Metadata = { title: "Workshop place" };

const doneWords: Record<string, { heading: string; body: string }> = {
  booked: { heading: "Place booked", body: "We have emailed them the details with a calendar invitation." },
  waitlisted: {
    heading: "Added to the waiting list",
    body: "The session is full. We have emailed them that they are on its waiting list; they will be offered the next free place.",
  },
  "moved-booked": {
    heading: "Place moved",
    body: "We have emailed them the new session with a calendar invitation, and cancelled the old one in their calendar. Their old place has gone to that session's waiting list, if anyone was waiting.",
  },
  "moved-waitlisted": {
    heading: "Moved to a waiting list",
    body: "The session they chose is full, so they are on its waiting list. We have emailed them.",
  },
  cancelled: {
    heading: "Place cancelled",
    body: "We have emailed them. If anyone was on the waiting list, the place has been offered to the first person.",
  },
  attended: { heading: "Marked as attended", body: "They have taken part. We have emailed them to say thank you." },
  "did-not-attend": {
    heading: "Marked as did not attend",
    body: "They can be given a place at another session. We have emailed them.",
  },
};

/** A volunteer's workshop place: give one, move it, cancel it, record attendance. Any researcher. */
export default async function WorkshopPlacePage(props: ArrangementPageProps) {
  const researcher = await requireResearcher();
  const { input, done } = await arrangementAddress(props);
  const view = await loadWorkshopPage(getDb(), researcher, input);
  if (!view) notFound();
  const { volunteer, participation, current } = view;
  const confirmation = done ? doneWords[done] : undefined;
  const now = new Date();
  const choosable = view.open.filter((s) => s.id !== current?.session.id);
  const currentStarted = current !== null && current.session.startsAt <= now;
  const canChoose =
    participation !== null &&
    mayAssignWorkshop({ ...participation, erased: volunteer.erased }) &&
    !placeIsSettled(current && { status: current.status, startsAt: current.session.startsAt }, now);
  const preference = [
    view.preference.format ? labelOf(workshopFormatOptions, view.preference.format) : null,
    view.preference.region ? `Region for in person: ${labelOf(regionOptions, view.preference.region)}` : null,
  ].filter(Boolean);

  return (
    <>
      <BackLink href={`/admin/volunteers/${volunteer.id}`}>Back to {volunteer.fullName}</BackLink>
      {confirmation ? (
        <DoneBanner heading={confirmation.heading}>
          <p>{confirmation.body}</p>
        </DoneBanner>
      ) : null}
      <span className="nhsuk-caption-l">{volunteer.fullName}</span>
      <h1 className="nhsuk-heading-l">Workshop place</h1>
      <StudyChoice label="Studies of workshops" studies={view.studies} current={participation?.study.slug} />
      {!participation ? (
        <p>{volunteer.fullName} is not taking part in a study of workshops.</p>
      ) : (
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-two-thirds">
            <SummaryList
              rows={[
                ...participationRows(participation),
                { key: "Asked for", value: preference.length > 0 ? preference.join(". ") : "Nothing in particular" },
              ]}
            />

            {current ? (
              <section aria-labelledby="current-heading">
                <h2 className="nhsuk-heading-m" id="current-heading">
                  {current.status === "BOOKED"
                    ? "Their place"
                    : current.status === "OFFERED"
                      ? "The place offered to them"
                      : "Their waiting list"}
                </h2>
                <SummaryList
                  rows={[
                    {
                      key: "Session",
                      value: (
                        <Link href={`/admin/studies/${participation.study.slug}/sessions/${current.session.id}`}>
                          {current.session.title}
                        </Link>
                      ),
                    },
                    { key: "When", value: ukSpanWithZone(current.session.startsAt, current.session.endsAt) },
                    { key: "Where", value: sessionWhere(current.session) },
                    {
                      key: "Status",
                      value:
                        current.status === "WAITLISTED"
                          ? `On the waiting list, number ${current.position}`
                          : current.status === "OFFERED" && current.offerExpiresAt
                            ? `${bookingStatusWords[current.status]}, until ${ukDateTimeWithZone(current.offerExpiresAt)}. They accept or decline it from their personal link.`
                            : bookingStatusWords[current.status],
                    },
                  ]}
                />
                {current.status === "BOOKED" && currentStarted ? (
                  <ChoiceForm
                    action={recordWorkshopAttendanceAction.bind(null, volunteer.id)}
                    formId="attendance"
                    hidden={{ participationId: participation.id, bookingId: current.id }}
                    name="attendance"
                    legend="Did they come to the session?"
                    hint="If they did not come, they go back to consented and can be given a place at another session."
                    items={[
                      { value: "ATTENDED", label: "Yes, they came" },
                      { value: "DID_NOT_ATTEND", label: "No, they did not come" },
                    ]}
                    submitLabel="Record attendance"
                  />
                ) : (
                  <p>
                    <Link href={`/admin/volunteers/${volunteer.id}/workshop/cancel`}>
                      {current.status === "BOOKED"
                        ? "Cancel this place"
                        : current.status === "OFFERED"
                          ? "Withdraw the offer and take them off the waiting list"
                          : "Take them off the waiting list"}
                    </Link>
                  </p>
                )}
              </section>
            ) : null}

            {canChoose ? (
              <section aria-labelledby="choose-heading">
                <h2 className="nhsuk-heading-m" id="choose-heading">
                  {current ? "Move them to another session" : "Give them a place"}
                </h2>
                {choosable.length === 0 ? (
                  <p>
                    There are no other sessions open.{" "}
                    <Link href={`/admin/studies/${participation.study.slug}/sessions`}>
                      See the study&apos;s sessions
                    </Link>
                    .
                  </p>
                ) : (
                  <ChoiceForm
                    action={assignWorkshopPlaceAction.bind(null, volunteer.id)}
                    formId="place"
                    hidden={{ participationId: participation.id }}
                    name="sessionId"
                    legend="Choose a session"
                    hint="If a session is full, they join its waiting list and are offered the next free place. They are emailed either way."
                    items={choosable.map((s) => ({
                      value: s.id,
                      label: `${s.title}: ${ukSpanWithZone(s.startsAt, s.endsAt)}`,
                      hint: `${sessionWhere(s)}. ${placesWords(s)}.`,
                    }))}
                    submitLabel={current ? "Move them" : "Give them a place"}
                  />
                )}
              </section>
            ) : !current ? (
              <InsetText>
                <p>
                  {participation.status === "COMPLETED"
                    ? "They have taken part: there is nothing more to arrange."
                    : participation.status === "WITHDRAWN"
                      ? "They have withdrawn: nothing can be arranged for them."
                      : `${NEEDS_CONSENT}. A place can be given once they have signed the study's current consent form.`}
                </p>
              </InsetText>
            ) : null}
          </div>
        </div>
      )}

      {view.history.length > 0 ? (
        <>
          <h2 className="nhsuk-heading-m">All their places</h2>
          <table className="nhsuk-table nhsuk-table--responsive">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
              Every workshop place and waiting list for {volunteer.fullName}, most recent first
            </caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">
                  Session
                </th>
                <th scope="col" className="nhsuk-table__header">
                  When (UK time)
                </th>
                <th scope="col" className="nhsuk-table__header">
                  Status
                </th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {view.history.map((b) => (
                <tr key={b.id} className="nhsuk-table__row">
                  <td className="nhsuk-table__cell">
                    <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                      Session{" "}
                    </span>
                    {b.session.title}
                  </td>
                  <td className="nhsuk-table__cell">
                    <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                      When (UK time){" "}
                    </span>
                    {ukSpanWithZone(b.session.startsAt, b.session.endsAt)}
                  </td>
                  <td className="nhsuk-table__cell">
                    <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                      Status{" "}
                    </span>
                    {bookingStatusWords[b.status]}
                    {b.session.cancelledAt ? " (session cancelled)" : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </>
  );
}
