import type { Metadata } from "next";
import Link from "next/link";
import { BackLink, InsetText, SummaryList } from "@/components/nhs";
import { InvalidLink } from "@/components/participation/InvalidLink";
import { ButtonForm } from "@/components/scheduling/ButtonForm";
import { DayChoiceForm } from "@/components/scheduling/DayChoiceForm";
import { DoneBanner } from "@/components/scheduling/DoneBanner";
import { sessionWhere, ukDateTimeWithZone, ukSpanWithZone } from "@/lib/scheduling/status-words";
import { ukTimeZoneName } from "@/lib/text/london-time";
import { formatUkDate, formatUkTime } from "@/lib/text/uk-dates";
import type { OwnSession } from "@/lib/workshops/load-own-workshop-page";
import { answerWorkshopOfferAction, chooseWorkshopSessionAction } from "./actions";
import { ownWorkshopAddress, type OwnWorkshopProps } from "./own-workshop-address";

export const metadata: Metadata = { title: "Your workshop place", robots: { index: false } };

const doneWords: Record<string, { heading: string; body: string }> = {
  booked: {
    heading: "Your place is booked",
    body: "We have emailed you the details with a calendar invitation.",
  },
  waitlisted: {
    heading: "You are on the waiting list",
    body: "That session is full. If a place becomes free, we will email you and offer it to you.",
  },
  "moved-booked": {
    heading: "Your place has been changed",
    body: "We have emailed you the new session with a calendar invitation, and cancelled the old one in your calendar.",
  },
  "moved-waitlisted": {
    heading: "You are on the new session's waiting list",
    body: "That session is full, so you have given up your old place and joined its waiting list. We have emailed you.",
  },
  accepted: {
    heading: "Your place is booked",
    body: "Thank you for accepting. We have emailed you the details with a calendar invitation.",
  },
  declined: {
    heading: "You have declined the place",
    body: "Thank you for letting us know: it has been offered to the next person waiting. You can choose another session below.",
  },
  cancelled: {
    heading: "Cancelled",
    body: "We have emailed you to confirm. You can choose another session below if you would like to.",
  },
};

function placesLeft(s: OwnSession): string {
  return s.left > 0 ? `${s.left} ${s.left === 1 ? "place" : "places"} left` : "Full: join the waiting list";
}

/** The sessions grouped by their UK date, in time order: one fieldset per day. */
function byDay(sessions: OwnSession[]) {
  const days = new Map<string, OwnSession[]>();
  for (const s of sessions) days.set(formatUkDate(s.startsAt), [...(days.get(formatUkDate(s.startsAt)) ?? []), s]);
  return [...days].map(([legend, list]) => ({
    legend,
    items: list.map((s) => ({
      value: s.id,
      label: `${formatUkTime(s.startsAt)} to ${formatUkTime(s.endsAt)} (${ukTimeZoneName(s.startsAt)}): ${s.title}`,
      hint: `${sessionWhere(s)}. ${placesLeft(s)}.`,
    })),
  }));
}

/** A person's own workshop place, from their personal link: choose a session, change it or give it up. */
export default async function OwnWorkshopPage(props: OwnWorkshopProps) {
  const address = await ownWorkshopAddress(props);
  if (address.kind === "invalid") return <InvalidLink />;
  const { token, view, done } = address;
  const { participation, current } = view;
  const confirmation = done ? doneWords[done] : undefined;
  const allFull = view.sessions.every((s) => s.left === 0);
  const someFull = view.sessions.some((s) => s.left === 0);

  return (
    <>
      <BackLink href={`/manage/${token}`}>Back to your participation</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {confirmation ? (
            <DoneBanner heading={confirmation.heading}>
              <p>{confirmation.body}</p>
            </DoneBanner>
          ) : null}
          <span className="nhsuk-caption-l">{participation.studyTitle}</span>
          <h1 className="nhsuk-heading-l">Your workshop place</h1>

          {current ? (
            <section aria-labelledby="current-heading">
              <h2 className="nhsuk-heading-m" id="current-heading">
                {current.status === "BOOKED"
                  ? "Your place"
                  : current.status === "OFFERED"
                    ? "A place is offered to you"
                    : "Your waiting list"}
              </h2>
              <SummaryList
                rows={[
                  { key: "Session", value: current.session.title },
                  { key: "When", value: ukSpanWithZone(current.session.startsAt, current.session.endsAt) },
                  { key: "Where", value: sessionWhere(current.session) },
                  {
                    key: "Status",
                    value:
                      current.status === "BOOKED"
                        ? "You have a place"
                        : current.status === "OFFERED" && current.offer
                          ? current.offer.open
                            ? `Offered to you until ${ukDateTimeWithZone(current.offer.expiresAt)}`
                            : `The time to accept ended at ${ukDateTimeWithZone(current.offer.expiresAt)}`
                          : `You are number ${current.position} on the waiting list`,
                  },
                ]}
              />
              {current.status === "OFFERED" && current.offer?.open ? (
                <>
                  <p>
                    A place has become free at this session. Would you like it? If you do not answer by{" "}
                    {ukDateTimeWithZone(current.offer.expiresAt)}, it will be offered to the next person waiting.
                  </p>
                  <div className="nhsuk-button-group">
                    <ButtonForm
                      action={answerWorkshopOfferAction.bind(null, token, "ACCEPT")}
                      formId="accept-offer"
                      hidden={{ participationId: participation.id, bookingId: current.bookingId }}
                      submitLabel="Accept this place"
                    />
                    <ButtonForm
                      action={answerWorkshopOfferAction.bind(null, token, "DECLINE")}
                      formId="decline-offer"
                      hidden={{ participationId: participation.id, bookingId: current.bookingId }}
                      submitLabel="No, I do not want it"
                      variant="secondary"
                    />
                  </div>
                </>
              ) : current.status === "OFFERED" ? (
                <p>
                  Sorry, the time to accept this place has passed, so it is being offered to the next person waiting.
                  You can choose another session below.
                </p>
              ) : current.session.startsAt > new Date() ? (
                <p>
                  <Link href={`/manage/${token}/workshop/cancel?p=${participation.id}`} prefetch={false}>
                    {current.status === "BOOKED" ? "Give up your place" : "Leave the waiting list"}
                  </Link>
                </p>
              ) : null}
            </section>
          ) : null}

          {view.mayChoose ? (
            <section aria-labelledby="choose-heading">
              <h2 className="nhsuk-heading-m" id="choose-heading">
                {current ? "Change to another session" : "Choose a session"}
              </h2>
              {view.sessions.length === 0 ? (
                <p>
                  There are no {current ? "other " : ""}sessions open at the moment. We will email you if more are
                  added.
                </p>
              ) : (
                <DayChoiceForm
                  action={chooseWorkshopSessionAction.bind(null, token)}
                  formId="session"
                  hidden={{ participationId: participation.id }}
                  name="sessionId"
                  hint={[
                    "Times are UK time.",
                    someFull
                      ? "If a session is full, you can join its waiting list: we will email you if a place becomes free."
                      : "",
                    current ? "Changing gives up the place you have now." : "",
                  ]
                    .filter(Boolean)
                    .join(" ")}
                  days={byDay(view.sessions)}
                  submitLabel={allFull ? "Join the waiting list" : someFull ? "Choose this session" : "Take this place"}
                />
              )}
            </section>
          ) : !current ? (
            <InsetText>
              <p>
                {participation.status === "WITHDRAWN"
                  ? "You have withdrawn from this study, so there is nothing to arrange."
                  : participation.status === "COMPLETED"
                    ? "You have taken part in this study. Thank you."
                    : "You can choose a workshop session once you have signed the study's current consent form. Please use the link in the email we sent you."}
              </p>
            </InsetText>
          ) : null}
        </div>
      </div>
    </>
  );
}
