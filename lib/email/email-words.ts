import type { EmailStatus } from "@/lib/generated/prisma/client";

/** An email's status as the team reads it, with a tag colour. Pure. */
export const emailStatusWords: Record<
  EmailStatus,
  { text: string; colour: "grey" | "blue" | "green" | "red" | "white" }
> = {
  PENDING: { text: "Waiting to send", colour: "blue" },
  SENDING: { text: "Sending", colour: "blue" },
  SENT: { text: "Sent", colour: "green" },
  FAILED: { text: "Failed", colour: "red" },
  CANCELLED: { text: "Cancelled", colour: "grey" },
};
