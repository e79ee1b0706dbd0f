import type { EmailContent } from "../enqueue-email";
import { formatUkDate, formatList } from "@/lib/text/uk-dates";
import { renderEmail, type EmailBlock } from "./layout";
import { dataChoiceForTeam, type DataChoice } from "./withdrawal-words";

export type TeamWithdrawalNotificationInput = {
  participantName: string;
  studyTitles: readonly string[];
  dataChoice: DataChoice;
  method: "SELF_SERVICE" | "RECORDED_BY_RESEARCHER";
  reason: string | null;
  withdrawnAt: Date;
  dashboardUrl: string;
};

/** Tells the study team about a withdrawal. The subject leaves out the name: it shows in notifications. */
export function renderTeamWithdrawalNotification(input: TeamWithdrawalNotificationInput): EmailContent {
  const title = "A participant has withdrawn";
  const how =
    input.method === "SELF_SERVICE" ? "They withdrew themselves, online." : "A researcher recorded the withdrawal.";
  const reason = input.reason?.trim();
  const blocks: EmailBlock[] = [
    {
      kind: "paragraph",
      text: `${input.participantName} withdrew on ${formatUkDate(input.withdrawnAt)} from:`,
    },
    { kind: "list", items: input.studyTitles },
    { kind: "paragraph", text: how },
    { kind: "heading", text: "What to do with their information" },
    { kind: "paragraph", text: dataChoiceForTeam(input.dataChoice) },
    { kind: "heading", text: "Reason" },
    { kind: "paragraph", text: reason ? reason : "No reason given. Participants do not have to give one." },
    {
      kind: "paragraph",
      text: `Do not contact them again about ${input.studyTitles.length === 1 ? "this study" : "these studies"}.`,
    },
    { kind: "link", text: "See their record in the dashboard", href: input.dashboardUrl },
  ];
  return { subject: `Withdrawal: ${formatList(input.studyTitles)}`, ...renderEmail(title, blocks) };
}
