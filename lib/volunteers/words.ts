export const emailStatusWords: Record<string, string> = {
  PENDING: "Waiting to send",
  SENDING: "Sending",
  SENT: "Sent",
  FAILED: "Failed",
  CANCELLED: "Cancelled",
};

export const channelWords: Record<string, string> = {
  phone: "by phone",
  email: "by email",
  "in-person": "in person",
  letter: "by letter",
};

export const actorWords = { VOLUNTEER: "the volunteer", PARTICIPANT: "the participant", SYSTEM: "the portal" } as const;
