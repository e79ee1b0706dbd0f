import { describe, expect, it } from "vitest";
import {
  answerFieldSchema,
  dateInWords,
  pageAnswerSchema,
  parseDateAnswer,
  questionMessages,
  questionSetAnswerSchema,
} from "@/lib/questions/answer-schema";
import type { Question, QuestionPage, QuestionSetDefinition } from "@/lib/questions/definition";

function q(overrides: Partial<Question> & Pick<Question, "code" | "kind">): Question {
  return { label: "A question?", shortLabel: "Answer", required: true, ...overrides } as Question;
}

const colours = [
  { code: "red", label: "Red" },
  { code: "blue", label: "Blue" },
];

function firstError(
  schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } },
  value: unknown,
) {
  const result = schema.safeParse(value);
  return result.success ? null : result.error!.issues[0]!.message;
}

describe("each kind of question", () => {
  it("yes or no: one option code", () => {
    const field = answerFieldSchema(
      q({
        code: "smokes",
        kind: "yes-no",
        shortLabel: "Smoking",
        options: [...colours.slice(0, 0), { code: "yes", label: "Yes" }, { code: "no", label: "No" }],
      }),
    );
    expect(field.parse("yes")).toBe("yes");
    expect(firstError(field, "")).toBe("Select yes or no for smoking");
    expect(firstError(field, "maybe")).toBe("Select yes or no for smoking");
    expect(firstError(field, ["yes", "no"])).toBe("Select yes or no for smoking");
    expect(firstError(field, 1)).toBe("Select yes or no for smoking");
  });

  it("one choice: one of its option codes, not a list", () => {
    const field = answerFieldSchema(
      q({ code: "colour", kind: "one-choice", shortLabel: "Favourite colour", options: colours }),
    );
    expect(field.parse(" blue ")).toBe("blue");
    expect(firstError(field, undefined)).toBe("Select favourite colour");
    expect(firstError(field, "green")).toBe("Select favourite colour");
    expect(firstError(field, ["red"])).toBe("Select favourite colour");
    const optional = answerFieldSchema(q({ code: "colour", kind: "one-choice", required: false, options: colours }));
    expect(optional.parse("")).toBeUndefined();
    expect(firstError(optional, "green")).toBe("Select answer");
  });

  it("several choices: a list of its option codes, from one box or several", () => {
    const field = answerFieldSchema(
      q({ code: "colours", kind: "several-choices", shortLabel: "Colours", options: colours }),
    );
    expect(field.parse(["red", "blue"])).toEqual(["red", "blue"]);
    expect(field.parse("red")).toEqual(["red"]);
    expect(firstError(field, [])).toBe("Select colours");
    expect(firstError(field, undefined)).toBe("Select colours");
    expect(firstError(field, ["red", "green"])).toBe("Select colours from the options listed");
    expect(firstError(field, [1])).toBe("Select colours from the options listed");
    const optional = answerFieldSchema(
      q({ code: "colours", kind: "several-choices", required: false, options: colours }),
    );
    expect(optional.parse(undefined)).toEqual([]);
  });

  it("short text: trimmed, 200 characters or its own limit, one line", () => {
    const field = answerFieldSchema(q({ code: "team", kind: "short-text", shortLabel: "Team name" }));
    expect(field.parse("  Ward 7  ")).toBe("Ward 7");
    expect(firstError(field, "   ")).toBe("Enter team name");
    expect(field.parse("a".repeat(200))).toHaveLength(200);
    expect(firstError(field, "a".repeat(201))).toBe("Team name must be 200 characters or fewer");
    expect(firstError(field, "a\tb")).toBe("Remove any special characters, such as tabs");
    expect(firstError(field, "a\nb")).toBe("Remove any special characters, such as tabs");
    expect(firstError(field, ["a", "b"])).toBe("Enter team name");
    const short = answerFieldSchema(
      q({ code: "team", kind: "short-text", shortLabel: "Team name", maxLength: 10, required: false }),
    );
    expect(firstError(short, "a".repeat(11))).toBe("Team name must be 10 characters or fewer");
    expect(short.parse("")).toBeUndefined();
    expect(firstError(short, ["a"])).toBe("Enter team name as text");
  });

  it("long text: 1000 characters, line breaks and tabs allowed (as before), other control characters not", () => {
    const field = answerFieldSchema(q({ code: "story", kind: "long-text", shortLabel: "Your story", required: false }));
    expect(field.parse("One.\r\nTwo.")).toBe("One.\r\nTwo.");
    expect(firstError(field, "a".repeat(1001))).toBe("Your story must be 1000 characters or fewer");
    expect(field.parse("a\tb")).toBe("a\tb");
    expect(firstError(field, "a\u0000b")).toBe("Remove any special characters, such as tabs");
    expect(field.parse(" ")).toBeUndefined();
  });

  it("number: a whole number within its bounds, stored as a number", () => {
    const field = answerFieldSchema(q({ code: "age", kind: "number", shortLabel: "Age", min: 18, max: 70 }));
    expect(field.parse(" 42 ")).toBe(42);
    expect(field.parse(42)).toBe(42);
    expect(firstError(field, "")).toBe("Enter age");
    expect(firstError(field, "forty")).toBe("Enter a whole number");
    expect(firstError(field, "4.5")).toBe("Enter a whole number");
    expect(firstError(field, 4.5)).toBe("Enter a whole number");
    expect(firstError(field, ["42"])).toBe("Enter a whole number");
    expect(firstError(field, "17")).toBe("Age must be 18 or more");
    expect(firstError(field, "71")).toBe("Age must be 70 or fewer");
    expect(firstError(field, "1e3")).toBe("Enter a whole number");
  });

  it("date: a real calendar date, stored as YYYY-MM-DD", () => {
    const field = answerFieldSchema(q({ code: "started", kind: "date", shortLabel: "Start date" }));
    expect(field.parse("27/3/2024")).toBe("2024-03-27");
    expect(field.parse("27 3 2024")).toBe("2024-03-27");
    expect(field.parse("2024-03-27")).toBe("2024-03-27");
    expect(firstError(field, "")).toBe("Enter start date");
    expect(firstError(field, "31/2/2024")).toBe("Enter a real date");
    expect(firstError(field, "29/2/2023")).toBe("Enter a real date");
    expect(field.parse("29/2/2024")).toBe("2024-02-29");
    expect(firstError(field, "next Tuesday")).toBe("Enter a real date");
    expect(firstError(field, "27/13/2024")).toBe("Enter a real date");
    expect(firstError(field, ["27/3/2024"])).toBe("Enter a real date");
    expect(parseDateAnswer("0/1/2024")).toBeNull();
    expect(dateInWords("2024-03-27")).toBe("27 March 2024");
  });

  it("uses the team's own words when there are some", () => {
    const question = q({
      code: "team",
      kind: "short-text",
      messages: { required: "Tell us your team", tooLong: "Shorter, please" },
    });
    expect(questionMessages(question)).toMatchObject({ required: "Tell us your team", tooLong: "Shorter, please" });
    expect(questionMessages(q({ code: "nhs", kind: "short-text", shortLabel: "NHS trust" })).required).toBe(
      "Enter NHS trust",
    );
  });
});

const page: QuestionPage = {
  slug: "about-your-team",
  title: "Your team",
  questions: [
    q({
      code: "hasTeam",
      kind: "yes-no",
      shortLabel: "Has a team",
      options: [
        { code: "yes", label: "Yes" },
        { code: "no", label: "No" },
      ],
    }),
    q({
      code: "teamName",
      kind: "short-text",
      shortLabel: "Team name",
      showWhen: { question: "hasTeam", oneOf: ["yes"] },
    }),
    q({
      code: "teamSize",
      kind: "number",
      shortLabel: "Team size",
      required: false,
      requiredWhen: { question: "hasTeam", oneOf: ["yes"] },
    }),
  ],
};

describe("conditions across a page", () => {
  const schema = pageAnswerSchema(page);

  it("asks a question only when the earlier answer calls for it, and keeps no answer otherwise", () => {
    expect(schema.parse({ hasTeam: "yes", teamName: "Ward 7", teamSize: "9" })).toMatchObject({
      teamName: "Ward 7",
      teamSize: 9,
    });
    expect(schema.parse({ hasTeam: "no" })).toMatchObject({ hasTeam: "no", teamName: undefined });
    const missing = schema.safeParse({ hasTeam: "yes" });
    expect(missing.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["teamName", "Enter team name"],
      ["teamSize", "Enter team size"],
    ]);
  });

  it("points out an answer to a question that does not apply", () => {
    const result = schema.safeParse({ hasTeam: "no", teamName: "Ward 7" });
    expect(result.error?.issues[0]).toMatchObject({
      path: ["teamName"],
      message:
        'Your answer to "Has a team" means "Team name" does not apply. Delete your answer to it, or change your answer to "Has a team"',
    });
  });

  it("reads an earlier page's answer for a condition, without keeping it", () => {
    const later: QuestionPage = {
      slug: "team-details",
      title: "Team details",
      questions: [q({ code: "teamMotto", kind: "short-text", showWhen: { question: "hasTeam", oneOf: ["yes"] } })],
    };
    const laterSchema = pageAnswerSchema(later, page.questions);
    expect(laterSchema.safeParse({ hasTeam: "yes" }).success).toBe(false);
    expect(laterSchema.parse({ hasTeam: "no" })).not.toHaveProperty("hasTeam");
    expect(laterSchema.parse({ hasTeam: "yes", teamMotto: "Onwards" })).toEqual({
      teamMotto: "Onwards",
      website: undefined,
    });
  });

  it("checks a whole set at once", () => {
    const definition: QuestionSetDefinition = { pages: [page] };
    expect(questionSetAnswerSchema(definition).safeParse({ hasTeam: "no" }).success).toBe(true);
    expect(questionSetAnswerSchema(definition).safeParse({}).success).toBe(false);
  });
});
