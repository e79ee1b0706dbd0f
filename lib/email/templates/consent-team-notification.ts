import type { EmailContent } from "../enqueue-email";
import { formatUkDate } from "@/lib/text/uk-dates";
import { renderEmail, type EmailBlock } from "./layout";

export type TeamConsentNotificationInput = {
  studyTitle: string;
  participantName: string;
  signedAt: Date;
  /** The optional statements of the consent form and the participant's answer to each. */
  optionalAnswers: readonly { text: string; agreed: boolean }[];
  /** The participant's record in the dashboard. */
  dashboardUrl: string;
};

/** Tells the study team that someone signed. The subject leaves out the name: it shows in notifications. */
export function renderTeamConsentNotification(input: TeamConsentNotificationInput): EmailContent {
  const title = "Consent form signed";
  const blocks: EmailBlock[] = [
    {
      kind: "paragraph",
      text: `${input.participantName} signed the consent form for ${input.studyTitle} on ${formatUkDate(input.signedAt)}.`,
    },
  ];
  if (input.optionalAnswers.length > 0) {
    blocks.push(
      { kind: "heading", text: "Optional statements" },
      { kind: "list", items: input.optionalAnswers.map((a) => `${a.text}: ${a.agreed ? "Yes" : "No"}`) },
    );
  }
  blocks.push({ kind: "link", text: "See their record in the dashboard", href: input.dashboardUrl });
  return { subject: `Consent form signed: ${input.studyTitle}`, ...renderEmail(title, blocks) };
}
