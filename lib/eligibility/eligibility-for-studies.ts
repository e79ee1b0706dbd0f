import { evaluateEligibility, type EligibilityResult } from "./evaluate-eligibility";
import type { EligibilityAnswers, EligibilityRules } from "./rules";

export type StudyRules = { slug: string; rules: EligibilityRules };

/** Eligibility for each study the person asked for (interview, workshops or both), in the order offered. */
export function eligibilityForRequestedStudies(
  studies: readonly StudyRules[],
  requestedSlugs: readonly string[],
  answers: EligibilityAnswers,
): { slug: string; result: EligibilityResult }[] {
  return studies
    .filter((study) => requestedSlugs.includes(study.slug))
    .map((study) => ({ slug: study.slug, result: evaluateEligibility(study.rules, answers) }));
}
