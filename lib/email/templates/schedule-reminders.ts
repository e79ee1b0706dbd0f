import type { EmailContent } from "../enqueue-email";
import { ukTimeZoneName } from "@/lib/text/london-time";
import { formatUkDate, formatUkTime } from "@/lib/text/uk-dates";
import { renderEmail, type EmailBlock } from "./layout";
import { manageParticipationBlocks, SIGN_OFF } from "./manage-participation";
import type { WorkshopSessionFacts } from "./workshop-emails";

type ReminderBase = {
  fullName: string;
  studyTitle: string;
  contactName: string;
  contactEmail: string;
  manageUrl: string;
};

/** "2:30pm to 3:05pm on 1 July 2027, UK time (BST)": the zone named, as staff may be abroad on placement. */
export function ukTimeSpanWithZone(startsAt: Date, endsAt: Date): string {
  return `${formatUkTime(startsAt)} to ${formatUkTime(endsAt)} on ${formatUkDate(startsAt)}, UK time (${ukTimeZoneName(startsAt)})`;
}

function changing(input: ReminderBase, what: string): EmailBlock[] {
  return [
    { kind: "heading", text: `If you need to change or cancel ${what}` },
    {
      kind: "paragraph",
      text: `Use the "Manage your participation" link below, or contact ${input.contactName} at ${input.contactEmail} and we will sort it out with you. Taking part is voluntary: you can withdraw at any time, without giving a reason.`,
    },
  ];
}

/** A reminder shortly before the interview: when, how to join, how to change it. */
export function renderInterviewReminder(
  input: ReminderBase & { startsAt: Date; durationMinutes: number; meetingLink: string },
): EmailContent {
  const endsAt = new Date(input.startsAt.getTime() + input.durationMinutes * 60_000);
  const blocks: EmailBlock[] = [
    { kind: "paragraph", text: `Dear ${input.fullName},` },
    { kind: "paragraph", text: `This is a reminder of your interview for ${input.studyTitle}.` },
    {
      kind: "list",
      items: [
        `When: ${ukTimeSpanWithZone(input.startsAt, endsAt)}`,
        `How long: ${input.durationMinutes} minutes`,
        "Where: online, on Microsoft Teams",
      ],
    },
    { kind: "paragraph", text: "At the time of the interview, join the Microsoft Teams meeting with this link:" },
    { kind: "link", text: "Join the interview on Microsoft Teams", href: input.meetingLink },
    ...changing(input, "your interview"),
    SIGN_OFF,
    ...manageParticipationBlocks(input.manageUrl),
  ];
  return {
    subject: `Reminder: your interview at ${formatUkTime(input.startsAt)} on ${formatUkDate(input.startsAt)}`,
    ...renderEmail("A reminder of your interview", blocks),
  };
}

/** A reminder shortly before a workshop the person has a place at: when, where, how to change it. */
export function renderWorkshopReminder(input: ReminderBase & { session: WorkshopSessionFacts }): EmailContent {
  const { session } = input;
  const blocks: EmailBlock[] = [
    { kind: "paragraph", text: `Dear ${input.fullName},` },
    { kind: "paragraph", text: `This is a reminder of your workshop place for ${input.studyTitle}.` },
    {
      kind: "list",
      items: [
        `Workshop: ${session.title}`,
        `When: ${ukTimeSpanWithZone(session.startsAt, session.endsAt)}`,
        session.mode === "ONLINE" ? "Where: online" : `Where: ${session.location ?? "to be confirmed"}`,
      ],
    },
    ...(session.mode === "ONLINE" && session.onlineLink
      ? [{ kind: "link" as const, text: "Join the workshop online", href: session.onlineLink }]
      : []),
    ...changing(input, "your place"),
    SIGN_OFF,
    ...manageParticipationBlocks(input.manageUrl),
  ];
  return {
    subject: `Reminder: your workshop on ${formatUkDate(session.startsAt)}`,
    ...renderEmail("A reminder of your workshop", blocks),
  };
}
