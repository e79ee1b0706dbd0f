import type { TagColour } from "@/components/nhs";

/** Statuses in the study team's words (the participant's own words are in lib/participation/status-words.ts). */
export const participationStatusWords: Record<string, { text: string; colour: TagColour }> = {
  INTERESTED: { text: "Interested", colour: "white" },
  INELIGIBLE: { text: "Not eligible", colour: "grey" },
  ELIGIBLE: { text: "Eligible", colour: "aqua-green" },
  INVITED: { text: "Invited", colour: "blue" },
  CONSENTED: { text: "Consented", colour: "green" },
  DECLINED: { text: "Declined", colour: "grey" },
  SCHEDULED: { text: "Scheduled", colour: "purple" },
  COMPLETED: { text: "Taken part", colour: "green" },
  WITHDRAWN: { text: "Withdrawn", colour: "red" },
  WAITLISTED: { text: "On the waiting list", colour: "yellow" },
};

export const eligibilityWords = { ELIGIBLE: "Eligible", INELIGIBLE: "Not eligible" } as const;

export const emailStatusWords: Record<string, string> = {
  PENDING: "Waiting to send",
  SENDING: "Sending",
  SENT: "Sent",
  FAILED: "Failed",
  CANCELLED: "Cancelled",
};

export const interviewStatusWords: Record<string, string> = {
  SCHEDULED: "Scheduled",
  CANCELLED: "Cancelled",
  COMPLETED: "Taken part",
  DID_NOT_ATTEND: "Did not attend",
};

export const bookingStatusWords: Record<string, string> = {
  BOOKED: "Place booked",
  WAITLISTED: "On the waiting list",
  CANCELLED: "Cancelled",
  ATTENDED: "Attended",
  DID_NOT_ATTEND: "Did not attend",
};

export const channelWords: Record<string, string> = {
  phone: "by phone",
  email: "by email",
  "in-person": "in person",
  letter: "by letter",
};

export const actorWords = { VOLUNTEER: "the volunteer", PARTICIPANT: "the participant", SYSTEM: "the portal" } as const;
