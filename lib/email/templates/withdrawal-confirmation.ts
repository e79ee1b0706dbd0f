import type { EmailContent } from "../enqueue-email";
import { formatUkDate, formatList } from "@/lib/text/uk-dates";
import { renderEmail, type EmailBlock } from "./layout";
import { manageParticipationBlocks, SIGN_OFF } from "./manage-participation";
import { dataChoiceForParticipant, type DataChoice } from "./withdrawal-words";

export type WithdrawalConfirmationInput = {
  fullName: string;
  studyTitles: readonly string[];
  dataChoice: DataChoice;
  withdrawnAt: Date;
  contactName: string;
  contactEmail: string;
  manageUrl: string;
  /** Each interview or workshop place the withdrawal cancelled, in words. */
  cancelledBookings?: readonly string[];
  /** How many calendar cancellations are attached (a waiting-list place was never in a calendar). */
  calendarFiles?: number;
};

function cancelledBlocks(bookings: readonly string[], calendarFiles: number): EmailBlock[] {
  if (bookings.length === 0) return [];
  const one = bookings.length === 1;
  return [
    { kind: "heading", text: one ? "Your booking is cancelled" : "Your bookings are cancelled" },
    { kind: "paragraph", text: `We have cancelled ${one ? "this booking" : "these bookings"} for you:` },
    { kind: "list", items: bookings },
    ...(calendarFiles === 0
      ? []
      : [
          {
            kind: "paragraph" as const,
            text:
              calendarFiles === 1
                ? "The calendar file attached to this email removes the booking from your calendar."
                : "The calendar files attached to this email remove the bookings from your calendar.",
          },
        ]),
  ];
}

/** Confirms a withdrawal (from one or more studies at once) to the participant. */
export function renderWithdrawalConfirmation(input: WithdrawalConfirmationInput): EmailContent {
  const title = "You have withdrawn from the research";
  const one = input.studyTitles.length === 1;
  const blocks: EmailBlock[] = [
    { kind: "paragraph", text: `Dear ${input.fullName},` },
    {
      kind: "paragraph",
      text: `This confirms that you withdrew on ${formatUkDate(input.withdrawnAt)} from ${one ? "this study" : "these studies"}:`,
    },
    { kind: "list", items: input.studyTitles },
    ...cancelledBlocks(input.cancelledBookings ?? [], input.calendarFiles ?? 0),
    { kind: "heading", text: "Your information" },
    { kind: "paragraph", text: dataChoiceForParticipant(input.dataChoice) },
    {
      kind: "paragraph",
      text: "We keep your signed consent form as the record of your consent and of your withdrawal, as the ethics approval for the research requires.",
    },
    { kind: "heading", text: "What happens next" },
    {
      kind: "paragraph",
      text: `We will not contact you again about ${one ? "this study" : "these studies"}. You do not need to do anything else.`,
    },
    {
      kind: "paragraph",
      text: `If you did not ask to withdraw, or have questions, contact ${input.contactName} at ${input.contactEmail}.`,
    },
    { kind: "paragraph", text: "Thank you for your time." },
    SIGN_OFF,
    ...manageParticipationBlocks(input.manageUrl),
  ];
  return { subject: `You have withdrawn: ${formatList(input.studyTitles)}`, ...renderEmail(title, blocks) };
}
