import { describe, expect, it } from "vitest";
import { eligibilityRulesSchema, rulesProblems } from "@/lib/eligibility/rules";
import { currentCallDefinition } from "@/lib/questions/current-call";
import { allQuestions, type Question } from "@/lib/questions/definition";

const questions = allQuestions(currentCallDefinition);

const criterion = {
  id: "works-in-nhs-now",
  description: "You work for the NHS now",
  unmetReason: "This study is for people who work in the NHS now.",
  condition: { answer: "worksInNhsNow", oneOf: ["yes"] },
};

describe("eligibility rules as data", () => {
  it("accept nested any-of and all-of conditions", () => {
    const rules = {
      criteria: [
        criterion,
        {
          id: "international-experience",
          description: "You took part in a partnership or other volunteering",
          unmetReason: "This study is for people with international experience.",
          condition: {
            anyOf: [
              { answer: "ihpParticipation", oneOf: ["current", "past"] },
              { allOf: [{ answer: "otherVolunteering", oneOf: ["current", "past"] }] },
            ],
          },
        },
      ],
    };
    expect(eligibilityRulesSchema.parse(rules)).toEqual(rules);
  });

  it.each([
    ["a question code that is not a code", { ...criterion, condition: { answer: "Works in NHS", oneOf: ["yes"] } }],
    ["a range with no bounds", { ...criterion, condition: { answer: "age" } }],
    ["an empty list of values", { ...criterion, condition: { answer: "worksInNhsNow", oneOf: [] } }],
    ["an empty any-of", { ...criterion, condition: { anyOf: [] } }],
    ["a missing reason", { ...criterion, unmetReason: "" }],
    ["an unexpected key", { ...criterion, extra: true }],
  ])("reject %s", (_label, bad) => {
    expect(eligibilityRulesSchema.safeParse({ criteria: [bad] }).success).toBe(false);
  });

  it("reject two criteria with the same id, and allow no criteria (a draft study)", () => {
    expect(eligibilityRulesSchema.safeParse({ criteria: [criterion, criterion] }).success).toBe(false);
    expect(eligibilityRulesSchema.safeParse({ criteria: [] }).success).toBe(true);
  });
});

describe("rules checked against the study's questions", () => {
  const rules = (condition: unknown) => eligibilityRulesSchema.parse({ criteria: [{ ...criterion, condition }] });

  it("accept the seeded kind of rule over the call's questions", () => {
    expect(rulesProblems(rules({ answer: "ihpParticipation", oneOf: ["current", "past"] }), questions)).toEqual([]);
  });

  it("name a rule on a question that is not asked", () => {
    expect(rulesProblems(rules({ answer: "favouriteColour", oneOf: ["blue"] }), questions)).toEqual([
      'The rule "You work for the NHS now" tests the question "favouriteColour", which is not one of this study\'s questions.',
    ]);
  });

  it("name an answer the question does not offer, even inside any-of", () => {
    const problems = rulesProblems(rules({ anyOf: [{ answer: "worksInNhsNow", oneOf: ["sometimes"] }] }), questions);
    expect(problems).toEqual([
      'The rule "You work for the NHS now" names the answer "sometimes", which "Works in the NHS now" does not offer.',
    ]);
  });

  it("refuse a test that does not suit the question's kind", () => {
    const age: Question = { code: "age", kind: "number", label: "How old are you?", shortLabel: "Age", required: true };
    const start: Question = { code: "started", kind: "date", label: "When?", shortLabel: "Start", required: true };
    const all = [...questions, age, start];
    expect(rulesProblems(rules({ answer: "jobTitle", oneOf: ["nurse"] }), all)).toEqual([
      'The rule "You work for the NHS now" tests "Role or job title" for particular answers, but it is not a choice question.',
    ]);
    expect(rulesProblems(rules({ answer: "region", atLeast: 3 }), all)[0]).toMatch(/not a number or date question/);
    expect(rulesProblems(rules({ answer: "age", atLeast: "2020-01-01" }), all)[0]).toMatch(/use numbers/);
    expect(rulesProblems(rules({ answer: "started", atMost: 5 }), all)[0]).toMatch(/use dates/);
    expect(rulesProblems(rules({ answer: "age", atLeast: 18, atMost: 70 }), all)).toEqual([]);
    expect(rulesProblems(rules({ answer: "jobTitle", answered: true }), all)).toEqual([]);
  });
});
