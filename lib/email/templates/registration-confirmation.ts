import { nextStepsFor, type StudyOutcome } from "@/lib/registration/next-steps";
import type { EmailContent } from "../enqueue-email";
import { renderEmail, type EmailBlock } from "./layout";
import { manageParticipationBlocks, SIGN_OFF } from "./manage-participation";

export type RegistrationConfirmationInput = {
  fullName: string;
  outcomes: StudyOutcome[];
  contactName: string;
  contactEmail: string;
  publicUrl: string;
  /** Where the person can see their studies and withdraw (the "Manage your participation" link). */
  manageUrl: string;
};

export function renderRegistrationConfirmation(input: RegistrationConfirmationInput): EmailContent {
  const title = "Thank you for registering your interest";
  const blocks: EmailBlock[] = [
    { kind: "paragraph", text: `Dear ${input.fullName},` },
    {
      kind: "paragraph",
      text: "Thank you for registering your interest in the THET and Imperial College London research on bi-directional learning in international health partnerships. This email confirms what you told us and what happens next.",
    },
  ];
  for (const outcome of input.outcomes) {
    blocks.push({ kind: "heading", text: outcome.title });
    if (outcome.eligible) {
      blocks.push({ kind: "paragraph", text: "You can take part in this study." });
    } else {
      blocks.push({ kind: "paragraph", text: "You cannot take part in this study, because:" });
      blocks.push({ kind: "list", items: outcome.reasons });
    }
    blocks.push({ kind: "list", items: nextStepsFor(outcome, input.contactEmail) });
  }
  blocks.push(
    { kind: "heading", text: "Taking part is voluntary" },
    {
      kind: "paragraph",
      text: "Registering does not commit you to anything. You can change your mind at any time without giving a reason.",
    },
    {
      kind: "paragraph",
      text: `Questions? Contact ${input.contactName} at ${input.contactEmail}. How we use your information: ${input.publicUrl}/privacy`,
    },
    SIGN_OFF,
    ...manageParticipationBlocks(input.manageUrl),
  );
  return { subject: "Your interest in the bi-directional learning research", ...renderEmail(title, blocks) };
}
