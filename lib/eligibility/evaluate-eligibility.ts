import type { EligibilityAnswers, EligibilityCondition, EligibilityRules } from "./rules";

export type EligibilityResult = {
  eligible: boolean;
  /** One entry per unmet criterion, in the study's order, with the reason to show the person. */
  unmet: { criterionId: string; reason: string }[];
};

function conditionHolds(condition: EligibilityCondition, answers: EligibilityAnswers): boolean {
  if ("anyOf" in condition) return condition.anyOf.some((c) => conditionHolds(c, answers));
  if ("allOf" in condition) return condition.allOf.every((c) => conditionHolds(c, answers));
  const answer = answers[condition.answer];
  // No answer never meets a criterion: eligibility is never assumed.
  return answer !== undefined && condition.oneOf.includes(answer);
}

/** Decides eligibility for one study from its rules (data) and a person's answers. */
export function evaluateEligibility(rules: EligibilityRules, answers: EligibilityAnswers): EligibilityResult {
  const unmet = rules.criteria
    .filter((criterion) => !conditionHolds(criterion.condition, answers))
    .map((criterion) => ({ criterionId: criterion.id, reason: criterion.unmetReason }));
  return { eligible: unmet.length === 0, unmet };
}
