import type { EmailContent } from "../enqueue-email";
import { renderEmail, type EmailBlock } from "./layout";
import { manageParticipationBlocks, SIGN_OFF } from "./manage-participation";

export type DeclineConfirmationInput = {
  fullName: string;
  studyTitle: string;
  contactName: string;
  contactEmail: string;
  manageUrl: string;
};

/** Confirms to someone who was invited that they said no. */
export function renderDeclineConfirmation(input: DeclineConfirmationInput): EmailContent {
  const title = "You have chosen not to take part";
  const blocks: EmailBlock[] = [
    { kind: "paragraph", text: `Dear ${input.fullName},` },
    { kind: "paragraph", text: `You told us you do not want to take part in ${input.studyTitle}.` },
    { kind: "paragraph", text: "We will not contact you about this study again." },
    {
      kind: "paragraph",
      text: `If you change your mind, contact ${input.contactName} at ${input.contactEmail}.`,
    },
    { kind: "paragraph", text: "Thank you for considering taking part." },
    SIGN_OFF,
    ...manageParticipationBlocks(input.manageUrl),
  ];
  return { subject: `You have chosen not to take part: ${input.studyTitle}`, ...renderEmail(title, blocks) };
}
