import type { EligibilityCondition, EligibilityRules } from "@/lib/eligibility/rules";
import { optionLabel, type Question } from "@/lib/questions/definition";

/**
 * Eligibility rules in words, for the team to check what they wrote: each criterion with what the public
 * sees, the reason given to someone who does not meet it, and its condition spelled out with the study's
 * own questions and answers (lib/questions). Pure.
 */

const either = new Intl.ListFormat("en-GB", { style: "long", type: "disjunction" });

/** A condition as a line of text, with the lines of its parts beneath it. */
export type ConditionWords = { text: string; parts: ConditionWords[] };

function boundWords(value: number | string): string {
  if (typeof value === "number") return String(value);
  const [y, m, d] = value.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

export function describeCondition(condition: EligibilityCondition, questions: readonly Question[]): ConditionWords {
  if ("anyOf" in condition) {
    return { text: "At least one of these:", parts: condition.anyOf.map((c) => describeCondition(c, questions)) };
  }
  if ("allOf" in condition) {
    return { text: "All of these:", parts: condition.allOf.map((c) => describeCondition(c, questions)) };
  }
  const question = questions.find((q) => q.code === condition.answer);
  const asked = question ? `“${question.label}”` : `the question “${condition.answer}” (no longer asked)`;
  if ("answered" in condition) return { text: `${asked} is answered`, parts: [] };
  if ("oneOf" in condition) {
    const answers = condition.oneOf.map((code) => `“${question ? optionLabel(question, code) : code}”`);
    const verb = question?.kind === "several-choices" ? "includes" : "is";
    return { text: `The answer to ${asked} ${verb} ${either.format(answers)}`, parts: [] };
  }
  const { atLeast, atMost } = condition;
  const range =
    atLeast !== undefined && atMost !== undefined
      ? `from ${boundWords(atLeast)} to ${boundWords(atMost)}`
      : atLeast !== undefined
        ? `${boundWords(atLeast)} or more`
        : `${boundWords(atMost!)} or less`;
  const dated = typeof (atLeast ?? atMost) === "string";
  const words = dated ? range.replace(" or more", " or later").replace(" or less", " or earlier") : range;
  return { text: `The answer to ${asked} is ${words}`, parts: [] };
}

export type CriterionWords = { id: string; description: string; unmetReason: string; condition: ConditionWords };

export function describeEligibilityRules(rules: EligibilityRules, questions: readonly Question[]): CriterionWords[] {
  return rules.criteria.map((c) => ({
    id: c.id,
    description: c.description,
    unmetReason: c.unmetReason,
    condition: describeCondition(c.condition, questions),
  }));
}
