import type { EligibilityOutcome, ParticipationStatus } from "@/lib/generated/prisma/client";

/** Statuses and eligibility as the study team reads them in an export. */
export const statusWords: Record<ParticipationStatus, string> = {
  INTERESTED: "Interested",
  INELIGIBLE: "Not eligible",
  ELIGIBLE: "Eligible",
  INVITED: "Invited",
  CONSENTED: "Consented",
  DECLINED: "Declined",
  SCHEDULED: "Scheduled",
  COMPLETED: "Completed",
  WITHDRAWN: "Withdrawn",
  WAITLISTED: "Waiting list",
};

export function eligibilityWords(computed: EligibilityOutcome, override: EligibilityOutcome | null): string {
  const outcome = override ?? computed;
  const words = outcome === "ELIGIBLE" ? "Eligible" : "Not eligible";
  return override !== null && override !== computed ? `${words} (overridden)` : words;
}
