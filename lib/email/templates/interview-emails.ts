import type { EmailContent } from "../enqueue-email";
import { formatUkDate, formatUkDateTime, formatUkTime } from "@/lib/text/uk-dates";
import { renderEmail, type EmailBlock } from "./layout";
import { manageParticipationBlocks, SIGN_OFF } from "./manage-participation";

/** What every interview email knows: who, which study, when, and whom to contact. */
type InterviewEmailBase = {
  fullName: string;
  studyTitle: string;
  startsAt: Date;
  durationMinutes: number;
  contactName: string;
  contactEmail: string;
  manageUrl: string;
  /**
   * Set when the person can move or cancel the interview themselves from the manage link, up to this many
   * hours before it starts: the emails then point there first.
   */
  ownChangeCutoffHours?: number;
};

export type InterviewInvitationInput = InterviewEmailBase & {
  meetingLink: string;
  /** Set when the interview moved: the time it had before. */
  previousStartsAt: Date | null;
};

/** "2:30pm to 3:05pm on 1 July 2027 (UK time)" */
export function ukTimeSpan(startsAt: Date, endsAt: Date): string {
  return `${formatUkTime(startsAt)} to ${formatUkTime(endsAt)} on ${formatUkDate(startsAt)} (UK time)`;
}

function endOf(input: { startsAt: Date; durationMinutes: number }): Date {
  return new Date(input.startsAt.getTime() + input.durationMinutes * 60_000);
}

function hoursBefore(hours: number): string {
  if (hours === 0) return "until it starts";
  return `up to ${hours === 1 ? "1 hour" : `${hours} hours`} before it starts`;
}

function rearrange(input: InterviewEmailBase): EmailBlock[] {
  const own =
    input.ownChangeCutoffHours === undefined
      ? []
      : [
          {
            kind: "paragraph" as const,
            text: `You can move it to another time on offer, or cancel it, yourself ${hoursBefore(input.ownChangeCutoffHours)}: use the "Manage your participation" link at the end of this email. Or:`,
          },
        ];
  return [
    { kind: "heading", text: "If you need to rearrange" },
    ...own,
    {
      kind: "paragraph",
      text: `Contact ${input.contactName} at ${input.contactEmail} and we will find another time. Taking part is voluntary: you can withdraw at any time, without giving a reason.`,
    },
  ];
}

/** The interview is booked, or has moved: when, how long, the Teams link; the calendar file is attached. */
export function renderInterviewInvitation(input: InterviewInvitationInput): EmailContent {
  const moved = input.previousStartsAt !== null;
  const title = moved ? "Your interview has moved" : "Your interview is booked";
  const blocks: EmailBlock[] = [
    { kind: "paragraph", text: `Dear ${input.fullName},` },
    {
      kind: "paragraph",
      text: moved
        ? `Your interview for ${input.studyTitle} has moved to a new time. It was at ${formatUkDateTime(input.previousStartsAt!)}.`
        : `Thank you for agreeing to take part in ${input.studyTitle}. Your interview is booked.`,
    },
    {
      kind: "list",
      items: [
        `When: ${ukTimeSpan(input.startsAt, endOf(input))}`,
        `How long: ${input.durationMinutes} minutes`,
        "Where: online, on Microsoft Teams",
      ],
    },
    { kind: "heading", text: "Joining the interview" },
    { kind: "paragraph", text: "At the time of the interview, join the Microsoft Teams meeting with this link:" },
    { kind: "link", text: "Join the interview on Microsoft Teams", href: input.meetingLink },
    {
      kind: "paragraph",
      text: moved
        ? "The calendar invitation attached to this email replaces the earlier one. Open it to update your calendar."
        : "A calendar invitation is attached to this email. Open it to add the interview to your calendar.",
    },
    ...rearrange(input),
    SIGN_OFF,
    ...manageParticipationBlocks(input.manageUrl),
  ];
  const subject = moved
    ? `Your interview has moved to ${formatUkDateTime(input.startsAt)}`
    : `Your interview is booked for ${formatUkDateTime(input.startsAt)}`;
  return { subject, ...renderEmail(title, blocks) };
}

/** The interview is cancelled; the attached calendar file removes it from the person's calendar. */
export function renderInterviewCancellation(input: InterviewEmailBase): EmailContent {
  const title = "Your interview has been cancelled";
  const blocks: EmailBlock[] = [
    { kind: "paragraph", text: `Dear ${input.fullName},` },
    {
      kind: "paragraph",
      text: `Your interview for ${input.studyTitle}, booked for ${ukTimeSpan(input.startsAt, endOf(input))}, has been cancelled.`,
    },
    { kind: "paragraph", text: "The calendar file attached to this email removes the interview from your calendar." },
    { kind: "heading", text: "Arranging another time" },
    {
      kind: "paragraph",
      text:
        input.ownChangeCutoffHours === undefined
          ? `If you would still like to be interviewed, contact ${input.contactName} at ${input.contactEmail} and we will find another time.`
          : `If you would still like to be interviewed, you can choose another time on offer with the "Manage your participation" link below, or contact ${input.contactName} at ${input.contactEmail} and we will find one.`,
    },
    SIGN_OFF,
    ...manageParticipationBlocks(input.manageUrl),
  ];
  return {
    subject: `Your interview on ${formatUkDate(input.startsAt)} has been cancelled`,
    ...renderEmail(title, blocks),
  };
}

/** After the interview: thanks for taking part, or sorry we missed you (and how to arrange another time). */
export function renderInterviewOutcome(
  input: InterviewEmailBase & { outcome: "COMPLETED" | "DID_NOT_ATTEND" },
): EmailContent {
  if (input.outcome === "COMPLETED") {
    const blocks: EmailBlock[] = [
      { kind: "paragraph", text: `Dear ${input.fullName},` },
      {
        kind: "paragraph",
        text: `Thank you for your interview on ${formatUkDate(input.startsAt)} for ${input.studyTitle}. What you shared will help the research.`,
      },
      {
        kind: "paragraph",
        text: `If you have questions, or think of anything you would like to add, contact ${input.contactName} at ${input.contactEmail}.`,
      },
      SIGN_OFF,
      ...manageParticipationBlocks(input.manageUrl),
    ];
    return { subject: "Thank you for your interview", ...renderEmail("Thank you for your interview", blocks) };
  }
  const blocks: EmailBlock[] = [
    { kind: "paragraph", text: `Dear ${input.fullName},` },
    {
      kind: "paragraph",
      text: `We were sorry to miss you at your interview for ${input.studyTitle} at ${formatUkDateTime(input.startsAt)}.`,
    },
    {
      kind: "paragraph",
      text: `If you would still like to take part, contact ${input.contactName} at ${input.contactEmail} to arrange another time.`,
    },
    {
      kind: "paragraph",
      text: "If you no longer wish to take part, you can withdraw using the link below, without giving a reason.",
    },
    SIGN_OFF,
    ...manageParticipationBlocks(input.manageUrl),
  ];
  return { subject: "We missed you at your interview", ...renderEmail("We missed you at your interview", blocks) };
}
