import type { EligibilityAnswerKey, EligibilityCondition, EligibilityRules } from "@/lib/eligibility/rules";
import { labelOf, participationOptions, yesNoOptions, type Option } from "@/lib/registration/questions";

/**
 * Eligibility rules in words, for the team to check what they wrote: each criterion with what the public
 * sees, the reason given to someone who does not meet it, and its condition spelled out with the
 * registration form's own questions and answers. Pure.
 */
const questions: Record<EligibilityAnswerKey, { text: string; options: readonly Option[] }> = {
  worksInNhsNow: { text: "Do you work in the NHS now?", options: yesNoOptions },
  ihpParticipation: {
    text: "Have you taken part in a THET-funded international health partnership?",
    options: participationOptions,
  },
  otherVolunteering: { text: "Have you done other international volunteering?", options: participationOptions },
  introducedLearning: {
    text: "Have you had the opportunity to introduce learning from your international placement into your NHS work?",
    options: yesNoOptions,
  },
};

const either = new Intl.ListFormat("en-GB", { style: "long", type: "disjunction" });

/** A condition as a line of text, with the lines of its parts beneath it. */
export type ConditionWords = { text: string; parts: ConditionWords[] };

export function describeCondition(condition: EligibilityCondition): ConditionWords {
  if ("anyOf" in condition) return { text: "At least one of these:", parts: condition.anyOf.map(describeCondition) };
  if ("allOf" in condition) return { text: "All of these:", parts: condition.allOf.map(describeCondition) };
  const question = questions[condition.answer];
  const answers = condition.oneOf.map((value) => `“${labelOf(question.options, value)}”`);
  return { text: `The answer to “${question.text}” is ${either.format(answers)}`, parts: [] };
}

export type CriterionWords = { id: string; description: string; unmetReason: string; condition: ConditionWords };

export function describeEligibilityRules(rules: EligibilityRules): CriterionWords[] {
  return rules.criteria.map((c) => ({
    id: c.id,
    description: c.description,
    unmetReason: c.unmetReason,
    condition: describeCondition(c.condition),
  }));
}
