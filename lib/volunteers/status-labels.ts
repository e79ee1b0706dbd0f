import type { TagColour } from "@/components/nhs";
import type { EligibilityOutcome, ParticipationStatus } from "@/lib/generated/prisma/client";

/**
 * A participation's status as the study team reads it in lists: a short tag. Worded so that it reads well
 * beside the eligibility tag ("Not invited yet" rather than a second "Eligible").
 */
export const statusForResearchers: Record<ParticipationStatus, { label: string; colour: TagColour }> = {
  INTERESTED: { label: "Interested", colour: "white" },
  INELIGIBLE: { label: "Screened out", colour: "grey" },
  ELIGIBLE: { label: "Not invited yet", colour: "blue" },
  INVITED: { label: "Invited", colour: "purple" },
  CONSENTED: { label: "Consented", colour: "green" },
  DECLINED: { label: "Declined", colour: "orange" },
  SCHEDULED: { label: "Scheduled", colour: "aqua-green" },
  COMPLETED: { label: "Completed", colour: "green" },
  WITHDRAWN: { label: "Withdrawn", colour: "red" },
  WAITLISTED: { label: "Waiting list", colour: "yellow" },
};

export const eligibilityForResearchers: Record<EligibilityOutcome, { label: string; colour: TagColour }> = {
  ELIGIBLE: { label: "Eligible", colour: "green" },
  INELIGIBLE: { label: "Not eligible", colour: "red" },
};
