import type { EmailBlock } from "./layout";

/** The last section of every email to a participant: where they can see, download and withdraw. */
export function manageParticipationBlocks(manageUrl: string): EmailBlock[] {
  return [
    { kind: "heading", text: "Manage your participation" },
    {
      kind: "paragraph",
      text: "You can see your studies, download your signed consent form and withdraw at any time, without giving a reason.",
    },
    { kind: "link", text: "Manage your participation", href: manageUrl },
  ];
}

/** How participant emails are signed off, before the "Manage your participation" section. */
export const SIGN_OFF: EmailBlock = { kind: "paragraph", text: "THET and Imperial College London" };
