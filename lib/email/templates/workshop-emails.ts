import type { EmailContent } from "../enqueue-email";
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
  /** Offered from the waiting list when a place became free. */
  | "offered"
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
    offered: "A place has become free for you",
    changed: "Your workshop has changed",
  };
  const intro: Record<WorkshopPlaceKind, string> = {
    booked: `Thank you for agreeing to take part in ${input.studyTitle}. You have a place at this workshop:`,
    moved: `Your place has moved${input.previous ? ` from ${input.previous.title} on ${formatUkDate(input.previous.startsAt)}` : ""} to this workshop:`,
    offered: `You were on the waiting list for this workshop. A place has become free, and it is yours:`,
    changed: "The details of your workshop have changed. This is the workshop now:",
  };
  const calendar: Record<WorkshopPlaceKind, string> = {
    booked: "A calendar invitation is attached to this email. Open it to add the workshop to your calendar.",
    moved:
      "The calendar invitations attached to this email add the new workshop to your calendar and remove the old one.",
    offered: "A calendar invitation is attached to this email. Open it to add the workshop to your calendar.",
    changed:
      "The calendar invitation attached to this email replaces the earlier one. Open it to update your calendar.",
  };
  const blocks: EmailBlock[] = [
    { kind: "paragraph", text: `Dear ${input.fullName},` },
    { kind: "paragraph", text: intro[input.kind] },
    ...facts(session),
    { kind: "paragraph", text: calendar[input.kind] },
    { kind: "heading", text: input.kind === "offered" ? "If you no longer want the place" : "If you cannot come" },
    input.kind === "offered"
      ? {
          kind: "paragraph",
          text: `If you cannot come, or would prefer another date, contact ${input.contactName} at ${input.contactEmail} so that we can offer the place to someone else. If you no longer wish to take part, you can withdraw using the link below, without giving a reason.`,
        }
      : contact(input, "If you cannot come, or need to change anything,"),
    ...end(input),
  ];
  const subjects: Record<WorkshopPlaceKind, string> = {
    booked: `Your workshop place is booked: ${formatUkDate(session.startsAt)}`,
    moved: `Your workshop place has moved to ${formatUkDate(session.startsAt)}`,
    offered: `A workshop place has become free for you: ${formatUkDate(session.startsAt)}`,
    changed: `Your workshop on ${formatUkDate(session.startsAt)} has changed`,
  };
  return { subject: subjects[input.kind], ...renderEmail(titles[input.kind], blocks) };
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
      text: `You are on its waiting list (number ${input.position}). If a place becomes free, we will email you straight away with the details and a calendar invitation.`,
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
