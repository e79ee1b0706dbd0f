import { describe, expect, it } from "vitest";
import { currentCallDefinition } from "@/lib/questions/current-call";
import type { QuestionSetDefinition } from "@/lib/questions/definition";
import { definitionChanges, hasChanges } from "@/lib/questions/definition-changes";
import {
  formatOptionsText,
  optionCodeFromLabel,
  parseOptionsText,
  questionCodeFromShortLabel,
} from "@/lib/questions/options-text";
import {
  applyDraftEdit,
  draftProblems,
  publishProblems,
  questionFormSchema,
  questionFormValues,
  questionFromForm,
} from "@/lib/questions/question-forms";

describe("options text", () => {
  it("makes codes from labels and reads given codes", () => {
    expect(parseOptionsText("Doctor or dentist\n\n  nurse: Nurse or health visitor \r\nAllied health (AHP)")).toEqual([
      { code: "doctor-or-dentist", label: "Doctor or dentist" },
      { code: "nurse", label: "Nurse or health visitor" },
      { code: "allied-health-ahp", label: "Allied health (AHP)" },
    ]);
  });

  it("keeps the codes (and hints) of options whose labels did not change", () => {
    const previous = [
      { code: "ahp", label: "Allied health professional", hint: "For example, physiotherapist" },
      { code: "other", label: "Something else" },
    ];
    expect(parseOptionsText("Allied health professional\nAnother staff group", previous)).toEqual([
      { code: "ahp", label: "Allied health professional", hint: "For example, physiotherapist" },
      { code: "another-staff-group", label: "Another staff group" },
    ]);
  });

  it("gives a code even to a label with no letters, and round-trips through the textarea", () => {
    expect(optionCodeFromLabel("£££")).toBe("option");
    expect(optionCodeFromLabel("Café à la carte")).toBe("cafe-a-la-carte");
    const options = [
      { code: "a", label: "First: with a colon" },
      { code: "b-2", label: "Second" },
    ];
    expect(parseOptionsText(formatOptionsText(options))).toEqual(options);
  });

  it("suggests question codes from short names", () => {
    expect(questionCodeFromShortLabel("Works in the NHS now")).toBe("worksInTheNhsNow");
    expect(questionCodeFromShortLabel("2 years' experience")).toBe("yearsExperience");
    expect(questionCodeFromShortLabel("!!!")).toBe("question");
  });
});

const form = (overrides: Record<string, string> = {}) =>
  questionFormSchema.parse({
    kind: "one-choice",
    label: "Which region do you work in?",
    shortLabel: "Region",
    code: "region",
    hint: "",
    required: "yes",
    options: "North\nSouth",
    min: "",
    max: "",
    ...overrides,
  });

describe("question forms and draft edits", () => {
  const empty: QuestionSetDefinition = { pages: [] };

  it("builds a draft page by page, and finds its problems", () => {
    let d = applyDraftEdit(empty, { type: "add-page", page: { title: "Your work", slug: "your-work" } });
    expect(draftProblems(d)).toEqual([]);
    expect(publishProblems(d)).toContain("Every page needs at least one question");
    d = applyDraftEdit(d, { type: "add-question", pageSlug: "your-work", question: form() });
    d = applyDraftEdit(d, {
      type: "add-question",
      pageSlug: "your-work",
      question: form({ kind: "yes-no", code: "nhs", shortLabel: "NHS", label: "NHS?", options: "" }),
    });
    expect(d.pages[0]!.questions[1]!.options).toEqual([
      { code: "yes", label: "Yes" },
      { code: "no", label: "No" },
    ]);
    expect(publishProblems(d)).toEqual([]);
    d = applyDraftEdit(d, { type: "move-question", code: "nhs", direction: "up" });
    expect(d.pages[0]!.questions.map((q) => q.code)).toEqual(["nhs", "region"]);
    const dup = applyDraftEdit(d, { type: "add-question", pageSlug: "your-work", question: form() });
    expect(draftProblems(dup)).toEqual(['Two questions have the code "region". Give each question its own.']);
    const reserved = applyDraftEdit(d, {
      type: "add-question",
      pageSlug: "your-work",
      question: form({ code: "email" }),
    });
    expect(draftProblems(reserved).join()).toMatch(/"email".*used by the registration journey/);
    const dupOptions = applyDraftEdit(d, {
      type: "change-question",
      code: "region",
      question: form({ options: "North\nNorth" }),
    });
    expect(draftProblems(dupOptions)).toEqual([
      '"Region" has two options with the code "north". Give each option its own.',
    ]);
    expect(d.pages[0]!.questions).toHaveLength(2);
    d = applyDraftEdit(d, { type: "remove-question", code: "nhs" });
    d = applyDraftEdit(d, { type: "change-page", pageSlug: "your-work", page: { title: "Work", slug: "work" } });
    expect(d.pages[0]).toMatchObject({ slug: "work", title: "Work" });
    expect(applyDraftEdit(d, { type: "remove-page", pageSlug: "work" })).toEqual(empty);
  });

  it("refuses a choice question without options in the form itself", () => {
    const parsed = questionFormSchema.safeParse({
      ...questionFormValues(currentCallDefinition.pages[0]!.questions[2]!),
      options: " ",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toBe("Enter the options, one option per line");
  });

  it("keeps everything of a question the form does not show when it is edited", () => {
    const staffGroup = currentCallDefinition.pages[0]!.questions[2]!;
    const again = questionFromForm(questionFormSchema.parse(questionFormValues(staffGroup)), staffGroup);
    expect(again).toEqual(staffGroup);
  });
});

describe("definition changes", () => {
  it("names questions added, removed and reworded, and options added and removed", () => {
    const after = structuredClone(currentCallDefinition);
    const work = after.pages[0]!;
    work.questions[0]!.label = "Do you work for the NHS at the moment?";
    const staffGroup = work.questions.find((q) => q.code === "staffGroup")!;
    staffGroup.options = [
      ...staffGroup.options!.filter((o) => o.code !== "midwife"),
      { code: "student", label: "Student" },
    ];
    const removed = work.questions.splice(1, 1)[0]!;
    work.questions.push({
      code: "regionOfWork",
      kind: "short-text",
      label: "Region?",
      shortLabel: "Region",
      required: false,
    });
    const changes = definitionChanges(currentCallDefinition, after);
    expect(changes.added).toEqual([{ code: "regionOfWork", shortLabel: "Region" }]);
    expect(changes.removed).toEqual([{ code: removed.code, shortLabel: removed.shortLabel }]);
    expect(changes.reworded).toEqual([
      {
        code: "worksInNhsNow",
        shortLabel: "Works in the NHS now",
        before: "Do you work in the NHS now?",
        after: "Do you work for the NHS at the moment?",
      },
    ]);
    expect(changes.optionsAdded).toEqual([{ code: "staffGroup", shortLabel: "Staff group", options: ["Student"] }]);
    expect(changes.optionsRemoved).toEqual([{ code: "staffGroup", shortLabel: "Staff group", options: ["Midwife"] }]);
    expect(hasChanges(definitionChanges(currentCallDefinition, currentCallDefinition))).toBe(false);
  });

  it("counts every question as added when there was no published version", () => {
    const changes = definitionChanges(null, currentCallDefinition);
    expect(changes.added.length).toBeGreaterThan(3);
    expect(changes.removed).toEqual([]);
  });
});
