import type { ParticipationStatus } from "@/lib/generated/prisma/client";

/** A participation's status, as the person themself reads it on their page. */
export const statusForParticipant: Record<ParticipationStatus, string> = {
  INTERESTED: "Registered",
  ELIGIBLE: "Registered: the study team will contact you if you are invited",
  INELIGIBLE: "You cannot take part in this study",
  INVITED: "Invited: please read the information sheet and decide",
  CONSENTED: "Consent given",
  DECLINED: "You chose not to take part",
  SCHEDULED: "Arranged: the team has sent you the details",
  COMPLETED: "Taken part: thank you",
  WITHDRAWN: "Withdrawn",
  WAITLISTED: "On the waiting list for a workshop",
};
