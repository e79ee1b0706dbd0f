import { describe, expect, it } from "vitest";
import { eligibilityRulesSchema } from "@/lib/eligibility/rules";

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
    ["an unknown question", { ...criterion, condition: { answer: "favouriteColour", oneOf: ["blue"] } }],
    [
      "a value the question cannot take",
      { ...criterion, condition: { answer: "worksInNhsNow", oneOf: ["sometimes"] } },
    ],
    ["an empty list of values", { ...criterion, condition: { answer: "worksInNhsNow", oneOf: [] } }],
    ["an empty any-of", { ...criterion, condition: { anyOf: [] } }],
    ["a missing reason", { ...criterion, unmetReason: "" }],
    ["an unexpected key", { ...criterion, extra: true }],
  ])("reject %s", (_label, bad) => {
    expect(eligibilityRulesSchema.safeParse({ criteria: [bad] }).success).toBe(false);
  });

  it("reject two criteria with the same id, and no criteria at all", () => {
    expect(eligibilityRulesSchema.safeParse({ criteria: [criterion, criterion] }).success).toBe(false);
    expect(eligibilityRulesSchema.safeParse({ criteria: [] }).success).toBe(false);
  });
});
