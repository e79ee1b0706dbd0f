import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { arrangementAddress, type ArrangementPageProps } from "../arrangement-address";
import { BackLink, InsetText, SummaryList } from "@/components/nhs";
import { ChoiceForm } from "@/components/scheduling/ChoiceForm";
import { participationRows, StudyChoice } from "@/components/scheduling/ArrangementHeader";
import { DoneBanner } from "@/components/scheduling/DoneBanner";
import { InterviewForm } from "@/components/scheduling/InterviewForm";
import { SlotChoiceForm } from "@/components/scheduling/SlotChoiceForm";
import { INTERVIEW_MINUTES } from "@/lib/interviews/interview-form";
import { groupByUkDay } from "@/lib/interviews/slot-days";
import { loadInterviewPage } from "@/lib/interviews/load-interview-page";
import { NEEDS_CONSENT } from "@/lib/scheduling/errors";
import { mayBookInterview } from "@/lib/participation/status";
import { interviewStatusWords, ukDateTimeWithZone } from "@/lib/scheduling/status-words";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { londonFormFields, ukTimeZoneName } from "@/lib/text/london-time";
import { formatUkTime } from "@/lib/text/uk-dates";
import {
  bookPublishedSlotAction,
  rescheduleInterviewAction,
  recordInterviewOutcomeAction,
  scheduleInterviewAction,
} from "./actions";

export const metadata: Metadata = { title: "Interview" };

const doneWords: Record<string, { heading: string; body: string }> = {
  booked: { heading: "Interview booked", body: "We have emailed them the details with a calendar invitation." },
  moved: { heading: "Interview moved", body: "We have emailed them the new time with an updated calendar invitation." },
  cancelled: {
    heading: "Interview cancelled",
    body: "We have emailed them, with a calendar cancellation. You can book another time below.",
  },
  completed: { heading: "Interview marked as completed", body: "We have emailed them to say thank you." },
  "did-not-attend": {
    heading: "Interview marked as missed",
    body: "We have emailed them how to arrange another time. You can book another interview below.",
  },
};

/** A volunteer's interview: book it, move it, cancel it, and record what happened. Any researcher. */
export default async function InterviewPage(props: ArrangementPageProps) {
  const researcher = await requireResearcher();
  const { input, done } = await arrangementAddress(props);
  const view = await loadInterviewPage(getDb(), researcher, input);
  if (!view) notFound();
  const { volunteer, participation, booked } = view;
  const confirmation = done ? doneWords[done] : undefined;
  const now = new Date();
  const canBook = participation !== null && !booked && mayBookInterview({ ...participation, erased: volunteer.erased });
  // The published times as radios by UK day, worded on the server so the page reads the same everywhere.
  const slotDays = groupByUkDay(view.openSlots).map((day) => ({
    key: day.key,
    label: day.label,
    items: day.items.map((slot) => ({
      value: slot.id,
      label: `${formatUkTime(slot.startsAt)} (${ukTimeZoneName(slot.startsAt)}), ${slot.durationMinutes} minutes`,
      hint: slot.interviewerName ? `With ${slot.interviewerName}` : undefined,
    })),
  }));

  return (
    <>
      <BackLink href={`/admin/volunteers/${volunteer.id}`}>Back to {volunteer.fullName}</BackLink>
      {confirmation ? (
        <DoneBanner heading={confirmation.heading}>
          <p>{confirmation.body}</p>
        </DoneBanner>
      ) : null}
      <span className="nhsuk-caption-l">{volunteer.fullName}</span>
      <h1 className="nhsuk-heading-l">Interview</h1>
      <StudyChoice label="Studies of interviews" studies={view.studies} current={participation?.study.slug} />
      {!participation ? (
        <p>{volunteer.fullName} is not taking part in a study of interviews.</p>
      ) : (
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-two-thirds">
            <SummaryList rows={[...participationRows(participation)]} />

            {booked ? (
              <section aria-labelledby="booked-heading">
                <h2 className="nhsuk-heading-m" id="booked-heading">
                  Booked interview
                </h2>
                <SummaryList
                  rows={[
                    { key: "When", value: ukDateTimeWithZone(booked.startsAt) },
                    { key: "Length", value: `${booked.durationMinutes} minutes` },
                    {
                      key: "Teams link",
                      value: (
                        <a
                          href={booked.meetingLink}
                          className="app-break-word"
                          rel="noreferrer noopener"
                          target="_blank"
                        >
                          {booked.meetingLink} (opens in a new tab)
                        </a>
                      ),
                    },
                    {
                      key: "Calendar invitation",
                      value:
                        booked.calendarSequence === 0
                          ? "Sent"
                          : `Sent, then updated ${booked.calendarSequence === 1 ? "once" : `${booked.calendarSequence} times`}`,
                    },
                  ]}
                />
                {booked.startsAt <= now ? (
                  <>
                    <h3 className="nhsuk-heading-s">What happened</h3>
                    <ChoiceForm
                      action={recordInterviewOutcomeAction.bind(null, volunteer.id)}
                      formId="outcome"
                      hidden={{ participationId: participation.id, interviewId: booked.id }}
                      name="outcome"
                      legend="Did the interview take place?"
                      hint="If they did not come, they go back to consented and you can book another time."
                      items={[
                        { value: "COMPLETED", label: "Yes, it took place" },
                        { value: "DID_NOT_ATTEND", label: "No, they did not attend" },
                      ]}
                      submitLabel="Record the outcome"
                    />
                  </>
                ) : null}
                <h3 className="nhsuk-heading-s">Change the time</h3>
                <p>
                  They will be emailed the new details, with a calendar update that replaces the earlier invitation.
                </p>
                <InterviewForm
                  action={rescheduleInterviewAction.bind(null, volunteer.id)}
                  formId="change"
                  hidden={{ participationId: participation.id, interviewId: booked.id }}
                  defaults={{
                    ...londonFormFields(booked.startsAt),
                    duration: String(booked.durationMinutes),
                    meetingLink: booked.meetingLink,
                  }}
                  submitLabel="Save and email the new time"
                />
                <p>
                  <Link href={`/admin/volunteers/${volunteer.id}/interview/cancel`}>Cancel this interview</Link>
                </p>
              </section>
            ) : canBook ? (
              <section aria-labelledby="book-heading">
                <h2 className="nhsuk-heading-m" id="book-heading">
                  Book an interview
                </h2>
                <p>
                  Interviews last {INTERVIEW_MINUTES.min} to {INTERVIEW_MINUTES.max} minutes, online on Microsoft Teams.
                  They will be emailed the details with a calendar invitation.
                </p>
                {slotDays.length > 0 ? (
                  <>
                    <h3 className="nhsuk-heading-s" id="published-heading">
                      Book one of the published times
                    </h3>
                    <SlotChoiceForm
                      action={bookPublishedSlotAction.bind(null, volunteer.id)}
                      formId="slot"
                      hidden={{ participationId: participation.id }}
                      days={slotDays}
                      submitLabel="Book this time and email the invitation"
                    />
                    <h3 className="nhsuk-heading-s">Or book another time</h3>
                  </>
                ) : null}
                <InterviewForm
                  action={scheduleInterviewAction.bind(null, volunteer.id)}
                  formId="book"
                  hidden={{ participationId: participation.id }}
                  defaults={{
                    day: "",
                    month: "",
                    year: "",
                    time: "",
                    duration: String(INTERVIEW_MINUTES.max),
                    meetingLink: "",
                  }}
                  submitLabel="Book and email the invitation"
                />
              </section>
            ) : (
              <InsetText>
                <p>
                  {participation.status === "COMPLETED"
                    ? "They have taken part: there is nothing more to book."
                    : participation.status === "WITHDRAWN"
                      ? "They have withdrawn: nothing can be booked for them."
                      : `${NEEDS_CONSENT}. An interview can be booked once they have signed the study's current consent form.`}
                </p>
              </InsetText>
            )}
          </div>
        </div>
      )}

      {view.history.length > 0 ? (
        <>
          <h2 className="nhsuk-heading-m">All their interviews</h2>
          <table className="nhsuk-table nhsuk-table--responsive">
            <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">
              Every interview booked for {volunteer.fullName}, newest first
            </caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">
                  When (UK time)
                </th>
                <th scope="col" className="nhsuk-table__header">
                  Length
                </th>
                <th scope="col" className="nhsuk-table__header">
                  Status
                </th>
                <th scope="col" className="nhsuk-table__header">
                  Booked by
                </th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {view.history.map((i) => (
                <tr key={i.id} className="nhsuk-table__row">
                  <td className="nhsuk-table__cell">
                    <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                      When (UK time){" "}
                    </span>
                    {ukDateTimeWithZone(i.startsAt)}
                  </td>
                  <td className="nhsuk-table__cell">
                    <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                      Length{" "}
                    </span>
                    {i.durationMinutes} minutes
                  </td>
                  <td className="nhsuk-table__cell">
                    <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                      Status{" "}
                    </span>
                    {interviewStatusWords[i.status]}
                  </td>
                  <td className="nhsuk-table__cell">
                    <span className="nhsuk-table-responsive__heading" aria-hidden="true">
                      Booked by{" "}
                    </span>
                    {i.scheduledBy ?? "Unknown"}
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
