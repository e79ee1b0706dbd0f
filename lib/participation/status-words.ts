import type { EligibilityOutcome, ParticipationStatus } from "@/lib/generated/prisma/client";
import type { TagColour } from "@/lib/text/tag-colour";

/**
 * A participation's status as the person themself reads it: a short tag (grey once nothing more will
 * happen), and what it means for them.
 */
export const statusForParticipant: Record<ParticipationStatus, { tag: string; colour: TagColour; detail?: string }> = {
  INTERESTED: { tag: "Registered", colour: "blue" },
  ELIGIBLE: {
    tag: "Registered",
    colour: "blue",
    detail: "The study team will contact you if you are invited to take part.",
  },
  INELIGIBLE: {
    tag: "Not able to take part",
    colour: "grey",
    detail: "From your answers, this study is not one you can take part in.",
  },
  INVITED: {
    tag: "Invited",
    colour: "blue",
    detail: "Please read the information sheet and decide. The link to the consent form is in our email.",
  },
  CONSENTED: { tag: "Consent given", colour: "blue" },
  DECLINED: { tag: "Not taking part", colour: "grey", detail: "You chose not to take part." },
  SCHEDULED: { tag: "Arranged", colour: "blue", detail: "The study team has sent you the details." },
  COMPLETED: { tag: "Taken part", colour: "blue", detail: "Thank you for taking part." },
  WITHDRAWN: { tag: "Withdrawn", colour: "grey" },
  WAITLISTED: { tag: "Waiting list", colour: "blue", detail: "You are on the waiting list for a workshop place." },
};

/**
 * A participation's status as the study team reads it, on every dashboard page and in exports. The
 * words say where the person has got to, not their eligibility, which always has its own column or row
 * ("Not invited yet" rather than a second "Eligible", "Screened out" rather than a second "Not eligible").
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
  WAITLISTED: { label: "On the waiting list", colour: "yellow" },
};

/** The outcome of the eligibility questions (or of a researcher's override), in the study team's words. */
export const eligibilityForResearchers: Record<EligibilityOutcome, { label: string; colour: TagColour }> = {
  ELIGIBLE: { label: "Eligible", colour: "green" },
  INELIGIBLE: { label: "Not eligible", colour: "red" },
};

/** "Eligible", or "Not eligible (overridden)" when a researcher's override differs from the answers. */
export function eligibilityLabel(computed: EligibilityOutcome, override: EligibilityOutcome | null): string {
  const words = eligibilityForResearchers[override ?? computed].label;
  return override !== null && override !== computed ? `${words} (overridden)` : words;
}
