import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eligibilityForRequestedStudies } from "@/lib/eligibility/eligibility-for-studies";
import { evaluateEligibility } from "@/lib/eligibility/evaluate-eligibility";
import type { EligibilityAnswers } from "@/lib/eligibility/rules";
import { currentCallDefinition } from "@/lib/questions/current-call";
import { findQuestion } from "@/lib/questions/definition";
import { seedStudies } from "@/lib/seed/study-content";

// The rules under test are the seeded data, exactly as the studies carry them.
const interview = seedStudies.find((s) => s.slug === "interview-study")!.eligibilityRules;
const workshops = seedStudies.find((s) => s.slug === "workshops")!.eligibilityRules;

const eligibleForBoth: EligibilityAnswers = {
  worksInNhsNow: "yes",
  ihpParticipation: "current",
  otherVolunteering: "never",
  introducedLearning: "yes",
};

describe("interview study eligibility", () => {
  it.each<[string, EligibilityAnswers, string[]]>([
    ["current THET partnership, works in NHS, introduced learning", eligibleForBoth, []],
    ["past THET partnership counts too", { ...eligibleForBoth, ihpParticipation: "past" }, []],
    ["not working in the NHS now", { ...eligibleForBoth, worksInNhsNow: "no" }, ["works-in-nhs-now"]],
    [
      "never in a THET-funded partnership",
      { ...eligibleForBoth, ihpParticipation: "never" },
      ["thet-ihp-participation"],
    ],
    [
      "other volunteering does not replace a THET partnership",
      { ...eligibleForBoth, ihpParticipation: "never", otherVolunteering: "current" },
      ["thet-ihp-participation"],
    ],
    ["no opportunity to introduce learning", { ...eligibleForBoth, introducedLearning: "no" }, ["introduced-learning"]],
    [
      "none of the criteria met, reasons in the study's order",
      { worksInNhsNow: "no", ihpParticipation: "never", otherVolunteering: "never", introducedLearning: "no" },
      ["works-in-nhs-now", "thet-ihp-participation", "introduced-learning"],
    ],
    ["no answers at all", {}, ["works-in-nhs-now", "thet-ihp-participation", "introduced-learning"]],
  ])("%s", (_label, answers, unmetIds) => {
    const result = evaluateEligibility(interview, answers);
    expect(result.unmet.map((u) => u.criterionId)).toEqual(unmetIds);
    expect(result.eligible).toBe(unmetIds.length === 0);
    for (const u of result.unmet) expect(u.reason.length).toBeGreaterThan(20);
  });
});

describe("workshops eligibility", () => {
  it.each<[string, EligibilityAnswers, string[]]>([
    [
      "THET partnership, no other volunteering",
      { worksInNhsNow: "yes", ihpParticipation: "past", otherVolunteering: "never" },
      [],
    ],
    [
      "other volunteering, no THET partnership",
      { worksInNhsNow: "yes", ihpParticipation: "never", otherVolunteering: "past" },
      [],
    ],
    ["both", { worksInNhsNow: "yes", ihpParticipation: "current", otherVolunteering: "current" }, []],
    [
      "neither",
      { worksInNhsNow: "yes", ihpParticipation: "never", otherVolunteering: "never" },
      ["international-experience"],
    ],
    [
      "not working in the NHS now",
      { worksInNhsNow: "no", ihpParticipation: "current", otherVolunteering: "never" },
      ["works-in-nhs-now"],
    ],
    [
      "introducing learning is not required",
      { worksInNhsNow: "yes", ihpParticipation: "never", otherVolunteering: "current", introducedLearning: "no" },
      [],
    ],
  ])("%s", (_label, answers, unmetIds) => {
    const result = evaluateEligibility(workshops, answers);
    expect(result.unmet.map((u) => u.criterionId)).toEqual(unmetIds);
    expect(result.eligible).toBe(unmetIds.length === 0);
  });
});

describe("either study or both", () => {
  const studies = [
    { slug: "interview-study", rules: interview },
    { slug: "workshops", rules: workshops },
  ];
  const volunteerOnly: EligibilityAnswers = {
    worksInNhsNow: "yes",
    ihpParticipation: "never",
    otherVolunteering: "past",
    introducedLearning: "yes",
  };

  it.each<[string, string[], EligibilityAnswers, [string, boolean][]]>([
    ["interview only", ["interview-study"], eligibleForBoth, [["interview-study", true]]],
    ["workshops only", ["workshops"], eligibleForBoth, [["workshops", true]]],
    [
      "both, eligible for both",
      ["interview-study", "workshops"],
      eligibleForBoth,
      [
        ["interview-study", true],
        ["workshops", true],
      ],
    ],
    [
      "both, eligible for the workshops only",
      ["workshops", "interview-study"],
      volunteerOnly,
      [
        ["interview-study", false],
        ["workshops", true],
      ],
    ],
    ["a study that is not offered is ignored", ["no-such-study"], eligibleForBoth, []],
  ])("%s", (_label, requested, answers, expected) => {
    const results = eligibilityForRequestedStudies(studies, requested, answers);
    expect(results.map((r) => [r.slug, r.result.eligible])).toEqual(expected);
  });
});

describe("a property of the interview study's rules", () => {
  // Any answer the call's question offers, or none.
  const answer = (code: string): fc.Arbitrary<string | undefined> =>
    fc.option(fc.constantFrom(...findQuestion(currentCallDefinition, code)!.options!.map((o) => o.code)), {
      nil: undefined,
    });

  it("no set of answers makes someone eligible without THET-funded partnership participation", () => {
    fc.assert(
      fc.property(
        answer("worksInNhsNow"),
        fc.option(fc.constant("never" as const), { nil: undefined }),
        answer("otherVolunteering"),
        answer("introducedLearning"),
        (worksInNhsNow, ihpParticipation, otherVolunteering, introducedLearning) => {
          const answers: EligibilityAnswers = {
            worksInNhsNow,
            ihpParticipation,
            otherVolunteering,
            introducedLearning,
          };
          const result = evaluateEligibility(interview, answers);
          return !result.eligible && result.unmet.some((u) => u.criterionId === "thet-ihp-participation");
        },
      ),
      { numRuns: 500 },
    );
  });

  it("and anyone eligible for the interview study took part in a THET-funded partnership", () => {
    fc.assert(
      fc.property(
        answer("worksInNhsNow"),
        answer("ihpParticipation"),
        answer("otherVolunteering"),
        answer("introducedLearning"),
        (a, b, c, d) => {
          const answers: EligibilityAnswers = {
            worksInNhsNow: a,
            ihpParticipation: b,
            otherVolunteering: c,
            introducedLearning: d,
          };
          return !evaluateEligibility(interview, answers).eligible || b === "current" || b === "past";
        },
      ),
      { numRuns: 500 },
    );
  });
});
