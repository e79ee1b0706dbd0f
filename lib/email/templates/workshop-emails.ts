import type { EmailContent } from "../enqueue-email";
import { ukDateTimeWithZone } from "@/lib/scheduling/status-words";
import { formatUkDate } from "@/lib/text/uk-dates";
import { ukTimeSpan } from "./interview-emails";
import { renderEmail, type EmailBlock } from "./layout";
import { manageParticipationBlocks, SIGN_OFF } from "./manage-participation";

/** A workshop session as the emails describe it. */
export type WorkshopSessionFacts = {
  title: string;
  startsAt: Date;
  endsAt: Date;
  mode: "ONLINE" | "IN_PERSON";
  location: string | null;
  onlineLink: string | null;
};

type WorkshopEmailBase = {
  fullName: string;
  studyTitle: string;
  session: WorkshopSessionFacts;
  contactName: string;
  contactEmail: string;
  manageUrl: string;
};

function facts(session: WorkshopSessionFacts): EmailBlock[] {
  const blocks: EmailBlock[] = [
    {
      kind: "list",
      items: [
        `Workshop: ${session.title}`,
        `When: ${ukTimeSpan(session.startsAt, session.endsAt)}`,
        session.mode === "ONLINE" ? "Where: online" : `Where: ${session.location ?? "to be confirmed"}`,
      ],
    },
  ];
  if (session.mode === "ONLINE" && session.onlineLink) {
    blocks.push({ kind: "link", text: "Join the workshop online", href: session.onlineLink });
  }
  return blocks;
}

function contact(input: WorkshopEmailBase, lead: string): EmailBlock {
  return { kind: "paragraph", text: `${lead} contact ${input.contactName} at ${input.contactEmail}.` };
}

function end(input: WorkshopEmailBase): EmailBlock[] {
  return [SIGN_OFF, ...manageParticipationBlocks(input.manageUrl)];
}

export type WorkshopPlaceKind =
  /** A place booked by the team. */
  | "booked"
  /** Moved from another session (`previous`). */
  | "moved"
  /** Offered from the waiting list when a place became free, and accepted. */
  | "accepted"
  /** The session itself changed time or place. */
  | "changed";

/** A confirmed place, with the calendar invitation attached. */
export function renderWorkshopPlace(
  input: WorkshopEmailBase & { kind: WorkshopPlaceKind; previous?: WorkshopSessionFacts },
): EmailContent {
  const { session } = input;
  const titles: Record<WorkshopPlaceKind, string> = {
    booked: "Your workshop place is booked",
    moved: "Your workshop place has moved",
    accepted: "Your workshop place is booked",
    changed: "Your workshop has changed",
  };
  const intro: Record<WorkshopPlaceKind, string> = {
    booked: `Thank you for agreeing to take part in ${input.studyTitle}. You have a place at this workshop:`,
    moved: `Your place has moved${input.previous ? ` from ${input.previous.title} on ${formatUkDate(input.previous.startsAt)}` : ""} to this workshop:`,
    accepted: "Thank you for accepting the place. It is yours, at this workshop:",
    changed: "The details of your workshop have changed. This is the workshop now:",
  };
  const calendar: Record<WorkshopPlaceKind, string> = {
    booked: "A calendar invitation is attached to this email. Open it to add the workshop to your calendar.",
    moved:
      "The calendar invitations attached to this email add the new workshop to your calendar and remove the old one.",
    accepted: "A calendar invitation is attached to this email. Open it to add the workshop to your calendar.",
    changed:
      "The calendar invitation attached to this email replaces the earlier one. Open it to update your calendar.",
  };
  const blocks: EmailBlock[] = [
    { kind: "paragraph", text: `Dear ${input.fullName},` },
    { kind: "paragraph", text: intro[input.kind] },
    ...facts(session),
    { kind: "paragraph", text: calendar[input.kind] },
    { kind: "heading", text: "If you cannot come" },
    input.kind === "booked" || input.kind === "accepted"
      ? {
          kind: "paragraph",
          text: `You can give up your place or choose another session using the link below, so that the place can be offered to someone else. If you have questions, contact ${input.contactName} at ${input.contactEmail}.`,
        }
      : contact(input, "If you cannot come, or need to change anything,"),
    ...end(input),
  ];
  const subjects: Record<WorkshopPlaceKind, string> = {
    booked: `Your workshop place is booked: ${formatUkDate(session.startsAt)}`,
    moved: `Your workshop place has moved to ${formatUkDate(session.startsAt)}`,
    accepted: `Your workshop place is booked: ${formatUkDate(session.startsAt)}`,
    changed: `Your workshop on ${formatUkDate(session.startsAt)} has changed`,
  };
  return { subject: subjects[input.kind], ...renderEmail(titles[input.kind], blocks) };
}

/**
 * A place has become free at the session the person is waiting for: it is held for them until
 * `expiresAt`, and they accept or decline it on their own workshop page (`answerUrl`).
 */
export function renderWorkshopOffer(input: WorkshopEmailBase & { expiresAt: Date; answerUrl: string }): EmailContent {
  const until = ukDateTimeWithZone(input.expiresAt);
  const blocks: EmailBlock[] = [
    { kind: "paragraph", text: `Dear ${input.fullName},` },
    {
      kind: "paragraph",
      text: "A place has become free at the workshop you are on the waiting list for, and we are offering it to you:",
    },
    ...facts(input.session),
    {
      kind: "paragraph",
      text: `We will keep the place for you until ${until}. Please accept it, or let us know you do not want it, using this link:`,
    },
    { kind: "link", text: "Accept or decline the place", href: input.answerUrl },
    {
      kind: "paragraph",
      text: "If we do not hear from you by then, the place will be offered to the next person on the waiting list. You can still choose another session afterwards.",
    },
    contact(input, "If you have questions,"),
    ...end(input),
  ];
  return {
    subject: `A workshop place is free for you: please reply by ${formatUkDate(input.expiresAt)}`,
    ...renderEmail("A workshop place is free for you", blocks),
  };
}

/** An offered place has passed to the next person: the person declined it, or did not answer in time. */
export function renderWorkshopOfferEnded(input: WorkshopEmailBase & { reason: "DECLINED" | "EXPIRED" }): EmailContent {
  const blocks: EmailBlock[] = [
    { kind: "paragraph", text: `Dear ${input.fullName},` },
    {
      kind: "paragraph",
      text:
        input.reason === "DECLINED"
          ? "Thank you for letting us know that you do not want the place at this workshop:"
          : "The time to accept the place we offered you at this workshop has passed:",
    },
    ...facts(input.session),
    {
      kind: "paragraph",
      text: "The place has been offered to the next person on the waiting list, and you are no longer on it. You are still taking part in the study: you can choose another session using the link below.",
    },
    contact(input, "If you have questions,"),
    ...end(input),
  ];
  const title =
    input.reason === "DECLINED" ? "You have declined the workshop place" : "The workshop place offer has ended";
  return { subject: `${title}: ${formatUkDate(input.session.startsAt)}`, ...renderEmail(title, blocks) };
}

/** The session is full: the person is on its waiting list, at this position. */
export function renderWorkshopWaitlisted(input: WorkshopEmailBase & { position: number }): EmailContent {
  const blocks: EmailBlock[] = [
    { kind: "paragraph", text: `Dear ${input.fullName},` },
    {
      kind: "paragraph",
      text: `Thank you for agreeing to take part in ${input.studyTitle}. This workshop is full at the moment:`,
    },
    ...facts(input.session),
    {
      kind: "paragraph",
      text: `You are on its waiting list (number ${input.position}). If a place becomes free, we will email you straight away and offer it to you.`,
    },
    contact(input, "If you would prefer another date, or have questions,"),
    ...end(input),
  ];
  return {
    subject: `You are on the waiting list for the workshop on ${formatUkDate(input.session.startsAt)}`,
    ...renderEmail("You are on the waiting list", blocks),
  };
}

/** The session changed while the person waits for a place: the new details, without a calendar file. */
export function renderWorkshopWaitlistChanged(input: WorkshopEmailBase): EmailContent {
  const blocks: EmailBlock[] = [
    { kind: "paragraph", text: `Dear ${input.fullName},` },
    {
      kind: "paragraph",
      text: "The details of the workshop you are waiting for have changed. You are still on its waiting list. This is the workshop now:",
    },
    ...facts(input.session),
    contact(input, "If the new details do not suit you, or you have questions,"),
    ...end(input),
  ];
  return {
    subject: `The workshop you are waiting for has changed`,
    ...renderEmail("The workshop you are waiting for has changed", blocks),
  };
}

export type WorkshopCancellationReason = "PLACE_CANCELLED" | "SESSION_CANCELLED";

/**
 * A place (or a place on the waiting list) is cancelled, by the team or because the session is. A booked
 * place's email carries the calendar file that removes the event.
 */
export function renderWorkshopCancellation(
  input: WorkshopEmailBase & { reason: WorkshopCancellationReason; wasWaitlisted: boolean },
): EmailContent {
  const what = input.wasWaitlisted ? "your place on the waiting list for this workshop" : "your place at this workshop";
  const title =
    input.reason === "SESSION_CANCELLED"
      ? "A workshop has been cancelled"
      : input.wasWaitlisted
        ? "You are no longer on the waiting list"
        : "Your workshop place has been cancelled";
  const blocks: EmailBlock[] = [
    { kind: "paragraph", text: `Dear ${input.fullName},` },
    {
      kind: "paragraph",
      text:
        input.reason === "SESSION_CANCELLED"
          ? `We are sorry: this workshop has been cancelled, and with it ${what}:`
          : `We have cancelled ${what}:`,
    },
    ...facts(input.session),
  ];
  if (!input.wasWaitlisted)
    blocks.push({
      kind: "paragraph",
      text: "The calendar file attached to this email removes the workshop from your calendar.",
    });
  blocks.push(contact(input, "If you would like a place at another workshop, or have questions,"), ...end(input));
  const subject =
    input.reason === "SESSION_CANCELLED"
      ? `The workshop on ${formatUkDate(input.session.startsAt)} has been cancelled`
      : `${title}: ${formatUkDate(input.session.startsAt)}`;
  return { subject, ...renderEmail(title, blocks) };
}

/** After the workshop: thanks for coming, or sorry we missed you. */
export function renderWorkshopAttendance(input: WorkshopEmailBase & { attended: boolean }): EmailContent {
  if (input.attended) {
    const blocks: EmailBlock[] = [
      { kind: "paragraph", text: `Dear ${input.fullName},` },
      {
        kind: "paragraph",
        text: `Thank you for coming to the workshop on ${formatUkDate(input.session.startsAt)} for ${input.studyTitle}. What you shared will help the research.`,
      },
      contact(input, "If you have questions, or think of anything you would like to add,"),
      ...end(input),
    ];
    return {
      subject: "Thank you for coming to the workshop",
      ...renderEmail("Thank you for coming to the workshop", blocks),
    };
  }
  const blocks: EmailBlock[] = [
    { kind: "paragraph", text: `Dear ${input.fullName},` },
    {
      kind: "paragraph",
      text: `We were sorry to miss you at the workshop on ${formatUkDate(input.session.startsAt)} for ${input.studyTitle}.`,
    },
    contact(input, "If you would still like to take part, we can offer you a place at another workshop:"),
    {
      kind: "paragraph",
      text: "If you no longer wish to take part, you can withdraw using the link below, without giving a reason.",
    },
    ...end(input),
  ];
  return { subject: "We missed you at the workshop", ...renderEmail("We missed you at the workshop", blocks) };
}
