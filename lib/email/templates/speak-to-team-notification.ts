import type { EmailContent } from "../enqueue-email";
import { renderEmail, type EmailBlock } from "./layout";

export type SpeakToTeamNotificationInput = {
  studyTitle: string;
  participantName: string;
  participantEmail: string;
  participantPhone: string | null;
  /** What the person typed, as they typed it: line breaks are kept. */
  message: string | null;
  dashboardUrl: string;
};

/** Tells the study team that someone would like to speak to them before deciding. */
export function renderSpeakToTeamNotification(input: SpeakToTeamNotificationInput): EmailContent {
  const title = "Someone would like to speak to the team";
  const blocks: EmailBlock[] = [
    {
      kind: "paragraph",
      text: `${input.participantName} would like to speak to the study team before deciding whether to take part in ${input.studyTitle}. Please contact them.`,
    },
    { kind: "heading", text: "Contact details" },
    {
      kind: "list",
      items: [`Email: ${input.participantEmail}`, `Phone: ${input.participantPhone ?? "Not given"}`],
    },
    { kind: "heading", text: "Their message" },
  ];
  const paragraphs = (input.message ?? "")
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (paragraphs.length === 0) blocks.push({ kind: "paragraph", text: "They did not leave a message." });
  else for (const text of paragraphs) blocks.push({ kind: "paragraph", text });
  blocks.push({ kind: "link", text: "See their record in the dashboard", href: input.dashboardUrl });
  return { subject: `Request to speak to the team: ${input.studyTitle}`, ...renderEmail(title, blocks) };
}
