import { describe, expect, it } from "vitest";
import { evaluateEligibility } from "@/lib/eligibility/evaluate-eligibility";
import { countOutcomeChanges, outcomeChangeWords } from "@/lib/eligibility/outcome-changes";
import type { EligibilityRules } from "@/lib/eligibility/rules";
import { testAnswersFromForm } from "@/lib/eligibility/test-answers";
import type { Question } from "@/lib/questions/definition";
import {
  applyRowChange,
  criterionIdFrom,
  draftFromForm,
  draftFromRules,
  emptyCriterion,
  rowChangeOf,
  rulesFromDraft,
  type RulesDraft,
} from "@/lib/studies/rules-form";

const questions: Question[] = [
  {
    code: "worksInNhsNow",
    kind: "yes-no",
    label: "Do you work in the NHS now?",
    shortLabel: "Works in the NHS now",
    required: true,
    options: [
      { code: "yes", label: "Yes" },
      { code: "no", label: "No" },
    ],
  },
  {
    code: "roles",
    kind: "several-choices",
    label: "Which roles have you had?",
    shortLabel: "Roles",
    required: false,
    options: [
      { code: "nurse", label: "Nurse" },
      { code: "doctor", label: "Doctor" },
      { code: "other", label: "Other" },
    ],
  },
  { code: "yearsInNhs", kind: "number", label: "Years in the NHS?", shortLabel: "Years in the NHS", required: true },
  { code: "startedOn", kind: "date", label: "When did you start?", shortLabel: "Start date", required: false },
  { code: "employer", kind: "short-text", label: "Who employs you?", shortLabel: "Employer", required: false },
];

/** A posted form from a plain object of fields (a list for boxes that share a name). */
const posted = (fields: Record<string, string | string[]>) => (name: string) => {
  const value = fields[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
};

const criterion = (over: Partial<RulesDraft["criteria"][number]> = {}) => ({
  ...emptyCriterion(),
  description: "You work in the NHS now",
  unmetReason: "This study is for people who work in the NHS now.",
  ...over,
});

describe("the rules form", () => {
  it("reads the rows drawn, and nothing beyond them", () => {
    const draft = draftFromForm(
      posted({
        criteriaCount: "1",
        "c0-description": "You work in the NHS now",
        "c0-unmetReason": "No",
        "c0-match": "any",
        "c0-id": "works",
        "c0-idFor": "You work in the NHS now",
        "c0-conditionsCount": "2",
        "c0-n0-question": "worksInNhsNow",
        "c0-n0-answers": ["yes"],
        "c0-n1-question": " yearsInNhs ",
        "c0-n1-atLeast": "2",
        "c0-n2-question": "employer",
        "c1-description": "not drawn",
      }),
    );
    expect(draft).toEqual({
      criteria: [
        {
          id: "works",
          idFor: "You work in the NHS now",
          description: "You work in the NHS now",
          unmetReason: "No",
          match: "any",
          conditions: [
            { question: "worksInNhsNow", answers: ["yes"], atLeast: "", atMost: "" },
            { question: "yearsInNhs", answers: [], atLeast: "2", atMost: "" },
          ],
        },
      ],
    });
  });

  it("turns each kind of condition into rules, and back", () => {
    const draft: RulesDraft = {
      criteria: [
        criterion({
          match: "any",
          conditions: [
            { question: "worksInNhsNow", answers: ["yes"], atLeast: "", atMost: "" },
            { question: "roles", answers: ["nurse", "doctor"], atLeast: "", atMost: "" },
          ],
        }),
        criterion({
          description: "You have worked in the NHS for 2 to 40 years, since 2000",
          conditions: [
            { question: "yearsInNhs", answers: [], atLeast: "2", atMost: "40" },
            { question: "startedOn", answers: [], atLeast: "2000-01-01", atMost: "" },
            { question: "employer", answers: [], atLeast: "", atMost: "" },
          ],
        }),
        criterion({
          description: "Single",
          conditions: [{ question: "yearsInNhs", answers: [], atLeast: "", atMost: "50" }],
        }),
      ],
    };
    const result = rulesFromDraft(draft, questions);
    const rules: EligibilityRules = {
      criteria: [
        {
          id: "you-work-in-the-nhs-now",
          description: "You work in the NHS now",
          unmetReason: "This study is for people who work in the NHS now.",
          condition: {
            anyOf: [
              { answer: "worksInNhsNow", oneOf: ["yes"] },
              { answer: "roles", oneOf: ["nurse", "doctor"] },
            ],
          },
        },
        {
          id: "you-have-worked-in-the-nhs-for-2-to-40-years-since-2000",
          description: "You have worked in the NHS for 2 to 40 years, since 2000",
          unmetReason: "This study is for people who work in the NHS now.",
          condition: {
            allOf: [
              { answer: "yearsInNhs", atLeast: 2, atMost: 40 },
              { answer: "startedOn", atLeast: "2000-01-01" },
              { answer: "employer", answered: true },
            ],
          },
        },
        {
          id: "single",
          description: "Single",
          unmetReason: "This study is for people who work in the NHS now.",
          condition: { answer: "yearsInNhs", atMost: 50 },
        },
      ],
    };
    expect(result).toEqual({ ok: true, rules });
    expect(rulesFromDraft(draftFromRules(rules), questions)).toEqual({ ok: true, rules });
  });

  it("keeps a criterion's id while its description is unchanged, and makes a new one when it changes", () => {
    const keep = rulesFromDraft(
      {
        criteria: [
          criterion({
            id: "works-in-nhs-now",
            idFor: "You work in the NHS now",
            conditions: [{ question: "employer", answers: [], atLeast: "", atMost: "" }],
          }),
        ],
      },
      questions,
    );
    expect(keep.ok && keep.rules.criteria[0]!.id).toBe("works-in-nhs-now");
    const changed = rulesFromDraft(
      {
        criteria: [
          criterion({
            id: "works-in-nhs-now",
            idFor: "You work in the NHS now",
            description: "You work for the NHS",
            conditions: [{ question: "employer", answers: [], atLeast: "", atMost: "" }],
          }),
          criterion({
            description: "You work for the NHS!",
            conditions: [{ question: "employer", answers: [], atLeast: "", atMost: "" }],
          }),
        ],
      },
      questions,
    );
    expect(changed.ok && changed.rules.criteria.map((c) => c.id)).toEqual([
      "you-work-for-the-nhs",
      "you-work-for-the-nhs-2",
    ]);
    expect(criterionIdFrom("2 years’ experience")).toBe("criterion-2-years-experience");
    expect(criterionIdFrom("!!!")).toBe("criterion");
    expect(criterionIdFrom("Études à l’étranger")).toBe("etudes-a-l-etranger");
  });

  it("names every field that is wrong", () => {
    const result = rulesFromDraft(
      {
        criteria: [
          criterion({
            description: "",
            unmetReason: " ",
            conditions: [
              { question: "", answers: [], atLeast: "", atMost: "" },
              { question: "roles", answers: [], atLeast: "", atMost: "" },
              { question: "yearsInNhs", answers: [], atLeast: "", atMost: "" },
              { question: "yearsInNhs", answers: [], atLeast: "ten", atMost: "" },
              { question: "yearsInNhs", answers: [], atLeast: "10", atMost: "5" },
              { question: "startedOn", answers: [], atLeast: "2026-02-30", atMost: "" },
            ],
          }),
          criterion({ conditions: [] }),
        ],
      },
      questions,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        "c0-description": "Enter what the public reads for criterion 1",
        "c0-unmetReason": "Enter what someone who does not meet criterion 1 is told",
        "c0-n0-question": "Choose the question for condition 1 of criterion 1, or remove the condition",
        "c0-n1-answers": "Choose the answers that meet condition 2 of criterion 1",
        "c0-n2-atLeast": "Enter the lowest or the highest answer that meets condition 3 of criterion 1",
        "c0-n3-atLeast": "The lowest answer for condition 4 of criterion 1 must be a number",
        "c0-n4-atMost": "The highest answer for condition 5 of criterion 1 must be the same as or more than the lowest",
        "c0-n5-atLeast": "The earliest date for condition 6 of criterion 1 must be a real date, like 2026-03-27",
        "c1-description": "Add a condition to criterion 2, or remove the criterion",
      },
    });
  });

  it("keeps a question or answer that no longer exists, so the save can be refused naming it", () => {
    const result = rulesFromDraft(
      {
        criteria: [
          criterion({
            conditions: [
              { question: "ageOver18", answers: ["yes"], atLeast: "", atMost: "" },
              { question: "worksInNhsNow", answers: ["maybe"], atLeast: "", atMost: "" },
            ],
          }),
        ],
      },
      questions,
    );
    expect(result.ok && result.rules.criteria[0]!.condition).toEqual({
      allOf: [
        { answer: "ageOver18", oneOf: ["yes"] },
        { answer: "worksInNhsNow", oneOf: ["maybe"] },
      ],
    });
  });

  it("keeps conditions nested too deeply to edit as they are", () => {
    const rules: EligibilityRules = {
      criteria: [
        {
          id: "deep",
          description: "Deep",
          unmetReason: "Not deep",
          condition: {
            anyOf: [
              { answer: "worksInNhsNow", oneOf: ["yes"] },
              {
                allOf: [
                  { answer: "roles", oneOf: ["nurse"] },
                  { answer: "employer", answered: true },
                ],
              },
            ],
          },
        },
      ],
    };
    const draft = draftFromRules(rules);
    expect(draft.criteria[0]!.kept).toBeDefined();
    expect(draft.criteria[0]!.conditions).toEqual([]);
    expect(rulesFromDraft(draft, questions)).toEqual({ ok: true, rules });
    expect(applyRowChange(draft, { kind: "add-condition", criterion: 0 })).toEqual(draft);
  });

  it("adds, removes and moves criteria and conditions by the button pressed", () => {
    const a = criterion({ description: "A" });
    const b = criterion({ description: "B" });
    const draft: RulesDraft = { criteria: [a, b] };
    const apply = (intent: string) => applyRowChange(draft, rowChangeOf(intent)!);
    expect(apply("add-criterion").criteria).toHaveLength(3);
    expect(apply("remove-criterion-0").criteria).toEqual([b]);
    expect(apply("down-0").criteria).toEqual([b, a]);
    expect(apply("up-1").criteria).toEqual([b, a]);
    expect(apply("up-0").criteria).toEqual([a, b]);
    expect(apply("add-condition-1").criteria[1]!.conditions).toHaveLength(2);
    const two = applyRowChange(
      {
        criteria: [
          {
            ...a,
            conditions: [
              { question: "x", answers: [], atLeast: "", atMost: "" },
              { question: "y", answers: [], atLeast: "", atMost: "" },
            ],
          },
        ],
      },
      rowChangeOf("down-0-0")!,
    );
    expect(two.criteria[0]!.conditions.map((c) => c.question)).toEqual(["y", "x"]);
    expect(
      applyRowChange(two, rowChangeOf("remove-condition-0-1")!).criteria[0]!.conditions.map((c) => c.question),
    ).toEqual(["y"]);
    for (const intent of ["save", "test", "remove-condition-1", "up-x", "add-condition-1-2", ""]) {
      expect(rowChangeOf(intent)).toBeNull();
    }
  });
});

describe("test answers for the rules panel", () => {
  it("read each kind of answer as eligibility reads it, and name the ones that cannot be read", () => {
    const { answers, errors } = testAnswersFromForm(
      questions,
      posted({
        "test-worksInNhsNow": "yes",
        "test-roles": ["nurse", "made-up"],
        "test-yearsInNhs": "12",
        "test-startedOn": "2010-09-01",
        "test-employer": " ",
      }),
    );
    expect(errors).toEqual({});
    expect(answers).toEqual({ worksInNhsNow: "yes", roles: ["nurse"], yearsInNhs: 12, startedOn: "2010-09-01" });
    expect(
      testAnswersFromForm(questions, posted({ "test-yearsInNhs": "twelve", "test-startedOn": "2010-02-30" })).errors,
    ).toEqual({
      "test-yearsInNhs": "The answer to “Years in the NHS” must be a number",
      "test-startedOn": "The answer to “Start date” must be a real date, like 2026-03-27",
    });
  });

  it("decide eligibility with the rules as they stand in the form", () => {
    const parsed = rulesFromDraft(
      {
        criteria: [criterion({ conditions: [{ question: "yearsInNhs", answers: [], atLeast: "2", atMost: "" }] })],
      },
      questions,
    );
    if (!parsed.ok) throw new Error("did not read");
    const decide = (years: string) =>
      evaluateEligibility(parsed.rules, testAnswersFromForm(questions, posted({ "test-yearsInNhs": years })).answers);
    expect(decide("3").eligible).toBe(true);
    expect(decide("1").unmet.map((u) => u.reason)).toEqual(["This study is for people who work in the NHS now."]);
    expect(decide("").eligible).toBe(false);
  });
});

describe("what new rules change for people already registered", () => {
  const rules: EligibilityRules = {
    criteria: [
      {
        id: "nhs",
        description: "NHS",
        unmetReason: "Not NHS",
        condition: { answer: "worksInNhsNow", oneOf: ["yes"] },
      },
    ],
  };

  it("counts the outcomes the rules would decide the other way", () => {
    const changes = countOutcomeChanges(rules, [
      { eligibility: "ELIGIBLE", answers: { worksInNhsNow: "yes" } },
      { eligibility: "ELIGIBLE", answers: { worksInNhsNow: "no" } },
      { eligibility: "ELIGIBLE", answers: {} },
      { eligibility: "INELIGIBLE", answers: { worksInNhsNow: "yes" } },
      { eligibility: "INELIGIBLE", answers: { worksInNhsNow: "no" } },
    ]);
    expect(changes).toEqual({ total: 5, nowIneligible: 2, nowEligible: 1 });
    expect(outcomeChangeWords(changes)).toEqual([
      "2 people would now be not eligible",
      "1 person would now be eligible",
    ]);
    expect(outcomeChangeWords({ total: 3, nowIneligible: 0, nowEligible: 0 })).toEqual([
      "No one's outcome would change: of 3 people registered, all would be decided as before",
    ]);
  });
});
