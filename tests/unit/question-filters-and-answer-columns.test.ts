import { describe, expect, it } from "vitest";
import { answerColumns, answerInWords } from "@/lib/exports/answer-columns";
import { currentCallDefinition } from "@/lib/questions/current-call";
import type { QuestionSetDefinition } from "@/lib/questions/definition";
import {
  answersContainment,
  parseAnswerFilters,
  questionFilters,
  unknownAnswerProblem,
} from "@/lib/volunteers/question-filters";

const other: QuestionSetDefinition = {
  pages: [
    {
      slug: "more",
      title: "More",
      questions: [
        {
          code: "settings",
          kind: "several-choices",
          label: "Where do you work?",
          shortLabel: "Work settings",
          required: true,
          options: [
            { code: "hospital", label: "In a hospital" },
            { code: "community", label: "In the community" },
          ],
        },
        // Same code as the call's: one filter, one column, with both sets' options.
        {
          code: "region",
          kind: "one-choice",
          label: "Where?",
          shortLabel: "Area",
          required: true,
          options: [
            { code: "london", label: "Greater London" },
            { code: "overseas", label: "Outside the UK" },
          ],
        },
        // A question whose code is one of the list's own parameters gets no filter.
        {
          code: "status",
          kind: "yes-no",
          label: "Are you a manager?",
          shortLabel: "Manager",
          required: true,
          options: [
            { code: "yes", label: "Yes" },
            { code: "no", label: "No" },
          ],
        },
        { code: "qualifiedOn", kind: "date", label: "When did you qualify?", shortLabel: "Qualified", required: false },
      ],
    },
  ],
};

describe("the volunteers list's question filters", () => {
  const filters = questionFilters([currentCallDefinition, other]);

  it("are the choice questions, by code, labelled by their short labels and options", () => {
    expect(filters.map((f) => f.code)).toEqual([
      "worksInNhsNow",
      "staffGroup",
      "region",
      "ihpParticipation",
      "otherVolunteering",
      "introducedLearning",
      "settings",
    ]);
    const region = filters.find((f) => f.code === "region")!;
    expect(region.label).toBe("Region");
    expect(region.options.at(0)).toEqual({ value: "london", label: "London" });
    expect(region.options.at(-1)).toEqual({ value: "overseas", label: "Outside the UK" });
  });

  it("read only offered answers from the address, and say which they left out", () => {
    const { answers, problems } = parseAnswerFilters(
      { staffGroup: " nurse ", region: ["wales", "london"], settings: "community", worksInNhsNow: "maybe", x: "y" },
      filters,
    );
    expect(answers).toEqual([
      { code: "staffGroup", value: "nurse", several: false },
      { code: "region", value: "wales", several: false },
      { code: "settings", value: "community", several: true },
    ]);
    expect(problems).toEqual([unknownAnswerProblem(filters[0]!)]);
    expect(problems[0]).toBe(
      "The answer to “Works in the NHS now” in the address was not recognised, so the list is not filtered by that question.",
    );
    expect(parseAnswerFilters({ staffGroup: "", region: "  " }, filters)).toEqual({ answers: [], problems: [] });
  });

  it("become one containment object, several choices as a list", () => {
    expect(
      answersContainment([
        { code: "staffGroup", value: "nurse", several: false },
        { code: "settings", value: "community", several: true },
      ]),
    ).toEqual({ staffGroup: "nurse", settings: ["community"] });
  });
});

describe("the export's answer columns", () => {
  const columns = answerColumns(
    [
      { title: "Call", definition: currentCallDefinition },
      { title: "Other", definition: other },
    ],
    ["Full name", "Staff group", "Region"],
  );
  const column = (code: string) => columns.find((c) => c.code === code)!;

  it("are every question once, with headers no other column has", () => {
    expect(columns).toHaveLength(12 + 3);
    expect(column("staffGroup").header).toBe("Staff group (screening answer)");
    expect(column("settings").header).toBe("Work settings");
    expect(new Set(columns.map((c) => c.header)).size).toBe(columns.length);
    const twice = answerColumns(
      [
        { title: "A", definition: other },
        {
          title: "B",
          definition: {
            pages: [{ ...other.pages[0]!, questions: [{ ...other.pages[0]!.questions[3]!, code: "qualifiedIn" }] }],
          },
        },
      ],
      ["Qualified (screening answer)"],
    );
    expect(twice.map((c) => c.header).slice(-2)).toEqual(["Qualified", "Qualified (B)"]);
  });

  it("put answers in words", () => {
    expect(answerInWords(column("staffGroup"), "pharmacy")).toBe("Pharmacist or pharmacy technician");
    expect(answerInWords(column("region"), "overseas")).toBe("Outside the UK");
    expect(answerInWords(column("settings"), ["hospital", "community"])).toBe("In a hospital; In the community");
    expect(answerInWords(column("settings"), [])).toBe("");
    expect(answerInWords(column("settings"), ["gone"])).toBe("gone");
    expect(answerInWords(column("qualifiedOn"), "2011-07-31")).toBe("2011-07-31");
    expect(answerInWords(column("qualifiedOn"), "2011-07-31T00:00:00.000Z")).toBe("2011-07-31");
    expect(answerInWords(column("jobTitle"), "Nurse")).toBe("Nurse");
    expect(answerInWords(column("jobTitle"), undefined)).toBe("");
    expect(answerInWords(column("jobTitle"), null)).toBe("");
  });
});
