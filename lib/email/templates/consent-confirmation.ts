import type { EmailContent } from "../enqueue-email";
import { formatUkDate } from "@/lib/text/uk-dates";
import { renderEmail, type EmailBlock } from "./layout";
import { manageParticipationBlocks, SIGN_OFF } from "./manage-participation";

export type ConsentConfirmationInput = {
  fullName: string;
  studyTitle: string;
  signedAt: Date;
  /** The SHA-256 fingerprint of the signed consent record, in hex. */
  contentHash: string;
  manageUrl: string;
  contactName: string;
  contactEmail: string;
  nextSteps: readonly string[];
};

/** Sent to the participant once they have signed, with the signed form attached as a PDF by the caller. */
export function renderConsentConfirmation(input: ConsentConfirmationInput): EmailContent {
  const title = "Thank you for agreeing to take part";
  const blocks: EmailBlock[] = [
    { kind: "paragraph", text: `Dear ${input.fullName},` },
    {
      kind: "paragraph",
      text: `Thank you for signing the consent form for ${input.studyTitle} on ${formatUkDate(input.signedAt)}.`,
    },
    {
      kind: "paragraph",
      text: "A copy of your signed consent form is attached as a PDF. Please keep it for your records.",
    },
  ];
  if (input.nextSteps.length > 0) {
    blocks.push({ kind: "heading", text: "What happens next" }, { kind: "list", items: input.nextSteps });
  }
  blocks.push(
    { kind: "heading", text: "Your consent record" },
    { kind: "paragraph", text: `SHA-256 fingerprint: ${input.contentHash}` },
    {
      kind: "paragraph",
      text: "This fingerprint identifies your signed consent form. If the record were ever changed, its fingerprint would no longer match. You do not need to do anything with it.",
    },
    {
      kind: "paragraph",
      text: `Questions? Contact ${input.contactName} at ${input.contactEmail}.`,
    },
    SIGN_OFF,
    ...manageParticipationBlocks(input.manageUrl),
  );
  return { subject: `Your signed consent form: ${input.studyTitle}`, ...renderEmail(title, blocks) };
}
