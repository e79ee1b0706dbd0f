import { z } from "zod";

/**
 * A study's eligibility rules are data, stored with the study (studies.eligibility_rules), so a study
 * team can change them without a release and no code branches on a study's name. A person is eligible
 * when every criterion is met; a criterion's condition tests the answers given when registering.
 */

/** The registration answers that criteria may test, with the values each can take. */
export const eligibilityAnswerValues = {
  worksInNhsNow: ["yes", "no"],
  ihpParticipation: ["current", "past", "never"],
  otherVolunteering: ["current", "past", "never"],
  introducedLearning: ["yes", "no"],
} as const;

export type EligibilityAnswerKey = keyof typeof eligibilityAnswerValues;
export type EligibilityAnswers = {
  [K in EligibilityAnswerKey]?: (typeof eligibilityAnswerValues)[K][number];
};

const answerKeySchema = z.enum(
  Object.keys(eligibilityAnswerValues) as [EligibilityAnswerKey, ...EligibilityAnswerKey[]],
);

export type EligibilityCondition =
  | { answer: EligibilityAnswerKey; oneOf: string[] }
  | { anyOf: EligibilityCondition[] }
  | { allOf: EligibilityCondition[] };

export const eligibilityConditionSchema: z.ZodType<EligibilityCondition> = z.lazy(() =>
  z.union([
    z
      .object({ answer: answerKeySchema, oneOf: z.array(z.string()).min(1) })
      .strict()
      .refine((c) => c.oneOf.every((v) => (eligibilityAnswerValues[c.answer] as readonly string[]).includes(v)), {
        message: "oneOf lists a value that the question cannot take",
      }),
    z.object({ anyOf: z.array(eligibilityConditionSchema).min(1) }).strict(),
    z.object({ allOf: z.array(eligibilityConditionSchema).min(1) }).strict(),
  ]),
);

export const eligibilityCriterionSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    /** Shown to the public under "Who can take part". */
    description: z.string().min(1),
    /** Shown to a person who does not meet the criterion, in plain words. */
    unmetReason: z.string().min(1),
    condition: eligibilityConditionSchema,
  })
  .strict();

export const eligibilityRulesSchema = z
  .object({ criteria: z.array(eligibilityCriterionSchema).min(1) })
  .strict()
  .refine((r) => new Set(r.criteria.map((c) => c.id)).size === r.criteria.length, {
    message: "criterion ids must be unique",
  });

export type EligibilityCriterion = z.infer<typeof eligibilityCriterionSchema>;
export type EligibilityRules = z.infer<typeof eligibilityRulesSchema>;
