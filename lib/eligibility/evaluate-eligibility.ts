import type { EligibilityAnswers, EligibilityCondition, EligibilityRules } from "./rules";

export type EligibilityResult = {
  eligible: boolean;
  /** One entry per unmet criterion, in the study's order, with the reason to show the person. */
  unmet: { criterionId: string; reason: string }[];
};

function isAnswered(answer: unknown): boolean {
  if (answer === undefined || answer === null || answer === "") return false;
  return !Array.isArray(answer) || answer.length > 0;
}

function conditionHolds(condition: EligibilityCondition, answers: EligibilityAnswers): boolean {
  if ("anyOf" in condition) return condition.anyOf.some((c) => conditionHolds(c, answers));
  if ("allOf" in condition) return condition.allOf.every((c) => conditionHolds(c, answers));
  const answer = answers[condition.answer];
  // No answer never meets a criterion: eligibility is never assumed.
  if (!isAnswered(answer)) return false;
  if ("answered" in condition) return true;
  if ("oneOf" in condition) {
    const given = Array.isArray(answer) ? answer : [answer];
    return given.some((v) => typeof v === "string" && condition.oneOf.includes(v));
  }
  // Numbers compare as numbers; dates (YYYY-MM-DD) compare as text, which orders them by time.
  const value = typeof condition.atLeast === "number" || typeof condition.atMost === "number" ? Number(answer) : answer;
  if (typeof value === "number" && !Number.isFinite(value)) return false;
  if (typeof value !== typeof (condition.atLeast ?? condition.atMost)) return false;
  if (condition.atLeast !== undefined && (value as number | string) < condition.atLeast) return false;
  if (condition.atMost !== undefined && (value as number | string) > condition.atMost) return false;
  return true;
}

/** Decides eligibility for one study from its rules (data) and a person's answers. */
export function evaluateEligibility(rules: EligibilityRules, answers: EligibilityAnswers): EligibilityResult {
  const unmet = rules.criteria
    .filter((criterion) => !conditionHolds(criterion.condition, answers))
    .map((criterion) => ({ criterionId: criterion.id, reason: criterion.unmetReason }));
  return { eligible: unmet.length === 0, unmet };
}
