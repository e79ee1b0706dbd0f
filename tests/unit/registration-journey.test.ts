import { describe, expect, it } from "vitest";
import { currentCallDefinition } from "@/lib/questions/current-call";
import type { QuestionSetDefinition } from "@/lib/questions/definition";
import {
  answeredQuestionSets,
  firstIncompleteStep,
  journeySteps,
  nextStepPath,
  PAGE_VERSIONS_KEY,
  previousStepPath,
  stepCaption,
  stepComplete,
} from "@/lib/registration/journey";
import { refusedStepPost, staleAnsweredSets, QUESTION_SET_VERSION_FIELD } from "@/lib/registration/step-checks";
import { validAnswers } from "../support/registration-answers";

const call = { questionSetId: "call", versionId: "call-v1", definition: currentCallDefinition };
const other: QuestionSetDefinition = {
  pages: [
    {
      slug: "your-practice",
      title: "Your practice",
      questions: [
        { code: "yearsQualified", kind: "number", label: "Years?", shortLabel: "Years qualified", required: true },
      ],
    },
  ],
};
const midwifery = { questionSetId: "midwifery", versionId: "mid-v3", definition: other };

const oneSet = [
  { slug: "interview-study", kind: "INTERVIEW" as const, questionSet: call },
  { slug: "workshops", kind: "WORKSHOP" as const, questionSet: call },
];
const twoSets = [...oneSet, { slug: "midwifery-study", kind: "INTERVIEW" as const, questionSet: midwifery }];
const versions = { [PAGE_VERSIONS_KEY]: { "your-work": "call-v1", "international-experience": "call-v1" } };

describe("the journey when every recruiting study shares one set", () => {
  const steps = journeySteps(oneSet, {});

  it("is about you, the set's pages, then taking part with the study choice", () => {
    expect(steps.map((s) => s.slug)).toEqual(["about-you", "your-work", "international-experience", "taking-part"]);
    expect(steps.at(-1)).toMatchObject({ kind: "taking-part", withStudyChoice: true });
    expect(stepCaption(steps, "your-work")).toBe("Register your interest: step 2 of 4");
    expect(nextStepPath(steps, "international-experience")).toBe("/register/taking-part");
    expect(previousStepPath(steps, "about-you")).toBe("/register");
    expect(previousStepPath(steps, "your-work")).toBe("/register/about-you");
  });

  it("counts a page answered to an older version as not answered", () => {
    const answers = { ...validAnswers, ...versions };
    expect(firstIncompleteStep(oneSet, answers)).toBeNull();
    const newer = oneSet.map((s) => ({ ...s, questionSet: { ...call, versionId: "call-v2" } }));
    expect(firstIncompleteStep(newer, answers)?.slug).toBe("your-work");
    expect(staleAnsweredSets(newer, answers).map((s) => s.versionId)).toEqual(["call-v2"]);
    expect(stepComplete(steps[1]!, oneSet, { ...validAnswers })).toBe(false);
  });
});

describe("the journey when two sets recruit", () => {
  it("asks for the studies first, then only the chosen studies' sets, each once, in study order", () => {
    expect(journeySteps(twoSets, {}).map((s) => s.slug)).toEqual(["about-you", "choose-studies", "taking-part"]);
    expect(journeySteps(twoSets, { studies: ["midwifery-study"] }).map((s) => s.slug)).toEqual([
      "about-you",
      "choose-studies",
      "your-practice",
      "taking-part",
    ]);
    const all = journeySteps(twoSets, { studies: ["midwifery-study", "workshops", "interview-study"] });
    expect(all.map((s) => s.slug)).toEqual([
      "about-you",
      "choose-studies",
      "your-work",
      "international-experience",
      "your-practice",
      "taking-part",
    ]);
    expect(all.at(-1)).toMatchObject({ withStudyChoice: false });
    expect(all.at(-1)!.fields).not.toContain("studies");
    expect(answeredQuestionSets(twoSets, { studies: ["workshops"] }).map((s) => s.questionSetId)).toEqual(["call"]);
  });

  it("finds the first step to answer in the chosen order", () => {
    const chosen = { ...validAnswers, studies: ["midwifery-study"] };
    expect(firstIncompleteStep(twoSets, { fullName: "Ada", email: "a@b.nhs.uk" })?.slug).toBe("choose-studies");
    expect(firstIncompleteStep(twoSets, chosen)?.slug).toBe("your-practice");
    const done = { ...chosen, yearsQualified: 4, [PAGE_VERSIONS_KEY]: { "your-practice": "mid-v3" } };
    expect(firstIncompleteStep(twoSets, done)).toBeNull();
  });

  it("refuses posts from an old version, to a set not chosen, or with another page's answers", () => {
    const answers = { studies: ["midwifery-study"] };
    const steps = journeySteps(twoSets, answers);
    const data = (values: Record<string, string>) => {
      const f = new FormData();
      for (const [k, v] of Object.entries(values)) f.append(k, v);
      return f;
    };
    expect(
      refusedStepPost(
        twoSets,
        steps,
        "your-practice",
        data({ yearsQualified: "3", [QUESTION_SET_VERSION_FIELD]: "mid-v3" }),
      ),
    ).toBeNull();
    expect(
      refusedStepPost(
        twoSets,
        steps,
        "your-practice",
        data({ yearsQualified: "3", [QUESTION_SET_VERSION_FIELD]: "mid-v2" }),
      ),
    ).toBe("stale-version");
    expect(refusedStepPost(twoSets, steps, "your-work", data({ [QUESTION_SET_VERSION_FIELD]: "call-v1" }))).toBe(
      "page-not-chosen",
    );
    expect(refusedStepPost(twoSets, steps, "nowhere", data({}))).toBe("unknown-page");
    expect(
      refusedStepPost(
        twoSets,
        steps,
        "your-practice",
        data({ staffGroup: "nurse", [QUESTION_SET_VERSION_FIELD]: "mid-v3" }),
      ),
    ).toBe("foreign-answers");
    expect(refusedStepPost(twoSets, steps, "about-you", data({ fullName: "Ada", yearsQualified: "3" }))).toBe(
      "foreign-answers",
    );
  });
});
