import { z } from "zod";
import { CHOICE_KINDS, type Question } from "@/lib/questions/definition";

/**
 * A study's eligibility rules are data, stored with the study (studies.eligibility_rules, and every version
 * in eligibility_rule_versions), so a study team can change them without a release and no code branches on
 * a study's name. A person is eligible when every criterion is met; a criterion's condition tests the
 * answers given when registering, by question code (lib/questions). `rulesProblems` checks that the codes
 * and values a rule names exist in the study's questions.
 */

/** Answers by question code: an option code, a list of them, text, a number, or a date as YYYY-MM-DD. */
export type EligibilityAnswers = Readonly<Record<string, unknown>>;

export type EligibilityCondition =
  /** Choice questions: the answer is one of these codes (several choices: any ticked box is one of them). */
  | { answer: string; oneOf: string[] }
  /** Number questions (numbers) and date questions (YYYY-MM-DD): the answer lies within the bounds. */
  | { answer: string; atLeast?: number | string; atMost?: number | string }
  /** Any kind: the question was answered at all. */
  | { answer: string; answered: true }
  | { anyOf: EligibilityCondition[] }
  | { allOf: EligibilityCondition[] };

const code = z.string().regex(/^[a-z][A-Za-z0-9]{0,47}$/, "A rule must name a question by its code");
const bound = z.union([z.number(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]);

export const eligibilityConditionSchema: z.ZodType<EligibilityCondition> = z.lazy(() =>
  z.union([
    z.object({ answer: code, oneOf: z.array(z.string()).min(1, "Choose at least one answer that meets it") }).strict(),
    z
      .object({ answer: code, atLeast: bound.optional(), atMost: bound.optional() })
      .strict()
      .refine((c) => c.atLeast !== undefined || c.atMost !== undefined, "Give a lowest or a highest answer"),
    z.object({ answer: code, answered: z.literal(true) }).strict(),
    z.object({ anyOf: z.array(eligibilityConditionSchema).min(1) }).strict(),
    z.object({ allOf: z.array(eligibilityConditionSchema).min(1) }).strict(),
  ]),
);

export const eligibilityCriterionSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    /** Shown to the public under "Who can take part". */
    description: z.string().trim().min(1),
    /** Shown to a person who does not meet the criterion, in plain words. */
    unmetReason: z.string().trim().min(1),
    condition: eligibilityConditionSchema,
  })
  .strict();

/** A draft study may have no criteria yet (everyone would be eligible); it cannot open for recruitment so. */
export const eligibilityRulesSchema = z
  .object({ criteria: z.array(eligibilityCriterionSchema) })
  .strict()
  .refine((r) => new Set(r.criteria.map((c) => c.id)).size === r.criteria.length, {
    message: "criterion ids must be unique",
  });

export type EligibilityCriterion = z.infer<typeof eligibilityCriterionSchema>;
export type EligibilityRules = z.infer<typeof eligibilityRulesSchema>;

/** The question codes a condition tests. */
export function conditionCodes(condition: EligibilityCondition): string[] {
  if ("anyOf" in condition) return condition.anyOf.flatMap(conditionCodes);
  if ("allOf" in condition) return condition.allOf.flatMap(conditionCodes);
  return [condition.answer];
}

/**
 * What is wrong with rules for a study whose questions are these, in words that name the problem: a rule
 * on a question that does not exist (or no longer does), on an answer the question does not offer, or a
 * test that does not suit the question's kind.
 */
export function rulesProblems(rules: EligibilityRules, questions: readonly Question[]): string[] {
  const problems: string[] = [];
  const byCode = new Map(questions.map((q) => [q.code, q]));
  const check = (criterion: EligibilityCriterion, condition: EligibilityCondition): void => {
    if ("anyOf" in condition) return condition.anyOf.forEach((c) => check(criterion, c));
    if ("allOf" in condition) return condition.allOf.forEach((c) => check(criterion, c));
    const where = `The rule "${criterion.description}"`;
    const question = byCode.get(condition.answer);
    if (!question) {
      problems.push(`${where} tests the question "${condition.answer}", which is not one of this study's questions.`);
      return;
    }
    const name = `"${question.shortLabel}"`;
    if ("oneOf" in condition) {
      if (!CHOICE_KINDS.includes(question.kind)) {
        problems.push(`${where} tests ${name} for particular answers, but it is not a choice question.`);
        return;
      }
      const known = (question.options ?? []).map((o) => o.code);
      const unknown = condition.oneOf.filter((v) => !known.includes(v));
      if (unknown.length > 0) {
        problems.push(`${where} names the answer "${unknown.join('", "')}", which ${name} does not offer.`);
      }
    } else if ("answered" in condition) {
      return;
    } else {
      const kindOf = (v: number | string | undefined) => (v === undefined ? undefined : typeof v);
      const wanted = question.kind === "number" ? "number" : question.kind === "date" ? "string" : null;
      if (!wanted) {
        problems.push(`${where} tests ${name} for a range, but it is not a number or date question.`);
      } else if ([kindOf(condition.atLeast), kindOf(condition.atMost)].some((k) => k !== undefined && k !== wanted)) {
        problems.push(
          `${where} gives ${name} a range of the wrong kind: use ${wanted === "number" ? "numbers" : "dates"}.`,
        );
      }
    }
  };
  for (const criterion of rules.criteria) check(criterion, criterion.condition);
  return problems;
}
