import type { EmailContent } from "../enqueue-email";
import { formatUkDate, formatUkDateTime } from "@/lib/text/uk-dates";
import { renderEmail, type EmailBlock } from "./layout";
import { manageParticipationBlocks, SIGN_OFF } from "./manage-participation";

export type InvitationReminderInput = {
  fullName: string;
  studyTitle: string;
  /** 1 or 2: the second is also the last. */
  reminderNumber: number;
  invitedAt: Date;
  informationSheetVersion: string;
  informationSheetDate: Date;
  informationSheetUrl: string;
  /** A new personal link: the one in the invitation was revoked when this one was made. */
  consentUrl: string;
  linkExpiresAt: Date;
  contactName: string;
  contactEmail: string;
  manageUrl: string;
};

/**
 * A gentle reminder of an invitation that has had no answer (lib/reminders). It must not press: taking
 * part is voluntary, so it says how to decline as plainly as how to sign, and the last one says it is
 * the last.
 */
export function renderInvitationReminder(input: InvitationReminderInput): EmailContent {
  const last = input.reminderNumber >= 2;
  const blocks: EmailBlock[] = [
    { kind: "paragraph", text: `Dear ${input.fullName},` },
    {
      kind: "paragraph",
      text: `On ${formatUkDate(input.invitedAt)} we invited you to take part in ${input.studyTitle}. We have not heard from you yet, so we are writing in case our email was missed.`,
    },
    {
      kind: "paragraph",
      text: last
        ? "This is the last reminder we will send about this study."
        : "If you have already decided, you can tell us on the consent page and we will not remind you again.",
    },
    { kind: "heading", text: "Read the participant information sheet" },
    {
      kind: "paragraph",
      text: `The participant information sheet (version ${input.informationSheetVersion}, ${formatUkDate(input.informationSheetDate)}) explains what taking part involves.`,
    },
    { kind: "link", text: "Participant information sheet", href: input.informationSheetUrl },
    { kind: "heading", text: "Taking part is voluntary" },
    {
      kind: "paragraph",
      text: 'It is up to you whether you take part. If you would rather not, choose "I do not want to take part" on the consent page. You do not need to give a reason.',
    },
    { kind: "heading", text: "Sign or decline" },
    { kind: "paragraph", text: "Use this link to read the consent form and sign it, or to decline." },
    { kind: "link", text: "Consent form", href: input.consentUrl },
    {
      kind: "paragraph",
      text: `This link is personal to you. Do not forward this email. It replaces the link in our earlier emails, which no longer works, and it works until ${formatUkDateTime(input.linkExpiresAt)}.`,
    },
    { kind: "heading", text: "Questions" },
    {
      kind: "paragraph",
      text: `If you have questions, or would like to speak to the study team before you decide, use the consent page or contact ${input.contactName} at ${input.contactEmail}.`,
    },
    SIGN_OFF,
    ...manageParticipationBlocks(input.manageUrl),
  ];
  return {
    subject: `Reminder: you are invited to take part: ${input.studyTitle}`,
    ...renderEmail("A reminder of your invitation to take part in a research study", blocks),
  };
}
