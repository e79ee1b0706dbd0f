import { describe, expect, it } from "vitest";
import { evaluateEligibility } from "@/lib/eligibility/evaluate-eligibility";
import { eligibilityRulesSchema } from "@/lib/eligibility/rules";
import { currentCallDefinition } from "@/lib/questions/current-call";
import {
  definitionProblems,
  questionSetDefinitionSchema,
  type Question,
  type QuestionSetDefinition,
} from "@/lib/questions/definition";

const yesNo = [
  { code: "yes", label: "Yes" },
  { code: "no", label: "No" },
];
const q = (overrides: Partial<Question> & Pick<Question, "code">): Question => ({
  kind: "short-text",
  label: `Question ${overrides.code}`,
  shortLabel: `Short ${overrides.code}`,
  required: true,
  ...overrides,
});
const onePage = (...questions: Question[]): QuestionSetDefinition => ({
  pages: [{ slug: "about-your-work", title: "About your work", questions }],
});

describe("a question set's definition", () => {
  it("accepts the call's questions as they were asked", () => {
    expect(definitionProblems(currentCallDefinition)).toEqual([]);
    expect(questionSetDefinitionSchema.safeParse(currentCallDefinition).success).toBe(true);
  });

  it.each<[string, QuestionSetDefinition, string]>([
    [
      "two questions with one code",
      onePage(q({ code: "grade" }), q({ code: "grade" })),
      'Two questions have the code "grade". Give each question its own.',
    ],
    [
      "a choice question with no options",
      onePage(q({ code: "band", kind: "one-choice", options: [] })),
      '"Short band" has no options. Add at least one.',
    ],
    [
      "two options with one code",
      onePage(
        q({
          code: "band",
          kind: "several-choices",
          options: [
            { code: "a", label: "A" },
            { code: "a", label: "Also A" },
          ],
        }),
      ),
      '"Short band" has two options with the code "a". Give each option its own.',
    ],
    [
      "a code the journey uses",
      onePage(q({ code: "email" })),
      'The code "email" of "Short email" is used by the registration journey itself. Choose another.',
    ],
    [
      "a page address the journey uses",
      { pages: [{ slug: "check-answers", title: "Check", questions: [q({ code: "grade" })] }] },
      'The page address "check-answers" is used by the registration journey itself. Choose another.',
    ],
    [
      "a yes or no question whose options are not yes and no",
      onePage(q({ code: "ok", kind: "yes-no", options: [{ code: "maybe", label: "Maybe" }] })),
      '"Short ok" is a yes or no question, so its options must be "yes" then "no".',
    ],
    [
      "options on a text question",
      onePage(q({ code: "grade", options: [{ code: "a", label: "A" }] })),
      '"Short grade" is not a choice question, so it cannot have options.',
    ],
    [
      "bounds on a text question",
      onePage(q({ code: "grade", min: 1 })),
      '"Short grade" is not a number question, so it cannot have a smallest or largest answer.',
    ],
    [
      "a smallest answer above the largest",
      onePage(q({ code: "age", kind: "number", min: 70, max: 18 })),
      '"Short age" has a smallest answer greater than its largest.',
    ],
    [
      "a condition on a later question",
      onePage(
        q({ code: "details", showWhen: { question: "ok", oneOf: ["yes"] } }),
        q({ code: "ok", kind: "yes-no", options: yesNo }),
      ),
      '"Short details" is asked only after the question "ok", which is not an earlier question.',
    ],
    [
      "a condition on an answer that is not offered",
      onePage(
        q({ code: "ok", kind: "yes-no", options: yesNo }),
        q({ code: "details", requiredWhen: { question: "ok", oneOf: ["perhaps"] } }),
      ),
      '"Short details" refers to the answer "perhaps", which "Short ok" does not offer.',
    ],
    [
      "a condition on a text answer",
      onePage(q({ code: "grade" }), q({ code: "details", showWhen: { question: "grade", oneOf: ["a"] } })),
      '"Short details" is asked only after "Short grade", which is not a choice question.',
    ],
  ])("refuses %s, naming it", (_label, definition, message) => {
    expect(definitionProblems(definition)).toContain(message);
    const parsed = questionSetDefinitionSchema.safeParse(definition);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toContain(message);
  });

  it("refuses a page with no questions and a set with no pages", () => {
    expect(questionSetDefinitionSchema.safeParse({ pages: [] }).success).toBe(false);
    expect(
      questionSetDefinitionSchema.safeParse({ pages: [{ slug: "empty", title: "Empty", questions: [] }] }).success,
    ).toBe(false);
  });
});

describe("eligibility over every kind of question", () => {
  const rules = (condition: unknown) =>
    eligibilityRulesSchema.parse({
      criteria: [{ id: "rule", description: "The rule", unmetReason: "You do not meet the rule.", condition }],
    });
  const eligible = (condition: unknown, answers: Record<string, unknown>) =>
    evaluateEligibility(rules(condition), answers).eligible;

  it("several choices: any ticked box among the answers that meet it", () => {
    const condition = { answer: "languages", oneOf: ["fr", "pt"] };
    expect(eligible(condition, { languages: ["en", "pt"] })).toBe(true);
    expect(eligible(condition, { languages: ["en"] })).toBe(false);
    expect(eligible(condition, { languages: [] })).toBe(false);
  });

  it("numbers within bounds, inclusive, and never a missing or broken number", () => {
    const condition = { answer: "years", atLeast: 2, atMost: 10 };
    expect([1, 2, 10, 11].map((years) => eligible(condition, { years }))).toEqual([false, true, true, false]);
    expect(eligible(condition, {})).toBe(false);
    expect(eligible(condition, { years: "lots" })).toBe(false);
  });

  it("dates within bounds, compared as calendar dates", () => {
    const range = { answer: "returned", atLeast: "2015-01-01" };
    expect(eligible(range, { returned: "2014-12-31" })).toBe(false);
    expect(eligible(range, { returned: "2015-01-01" })).toBe(true);
    expect(eligible({ answer: "returned", atMost: "2020-06-30" }, { returned: "2020-07-01" })).toBe(false);
  });

  it("answered: any answer at all, but not a blank one", () => {
    const condition = { answer: "jobTitle", answered: true };
    expect(eligible(condition, { jobTitle: "Nurse" })).toBe(true);
    expect(eligible(condition, { jobTitle: "" })).toBe(false);
    expect(eligible(condition, {})).toBe(false);
  });
});
