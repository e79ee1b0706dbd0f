import { describe, expect, it } from "vitest";
import { pageAnswerSchema, questionSetAnswerSchema, questionsBefore } from "@/lib/questions/answer-schema";
import { currentCallDefinition } from "@/lib/questions/current-call";
import { registrationSchema } from "@/lib/registration/schema";
import recorded from "./fixtures/current-call-answers-before-issue-11.json";

/**
 * The fixture was written by running the hand-written schemas of "Your work" and "Your international
 * experience" (lib/registration/schema.ts before issue 11) over these inputs. The schemas generated from
 * the call's question set must give the same first error per field, and the same answers.
 */

type Parse =
  { success: true; data: unknown } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };

function firstErrors(result: Parse): Record<string, string> {
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]).reverse());
}

const pageOf = (slug: string) => currentCallDefinition.pages.find((p) => p.slug === slug)!;

describe("the call's generated page schemas behave as the hand-written ones did", () => {
  it.each(recorded.pages.map((c) => [`${c.page}: ${c.name}`, c] as const))("%s", (_name, c) => {
    const page = pageOf(c.page);
    const result = pageAnswerSchema(page, questionsBefore(currentCallDefinition, page.slug)).safeParse({
      ...c.input,
      website: "",
    }) as Parse;
    if ("errors" in c) {
      expect(result.success).toBe(false);
      expect(firstErrors(result)).toEqual(c.errors);
    } else {
      expect(result.success).toBe(true);
      expect(JSON.parse(JSON.stringify((result as { data: unknown }).data))).toEqual(c.output);
    }
  });
});

const studies = [
  { slug: "interview-study", kind: "INTERVIEW" },
  { slug: "workshops", kind: "WORKSHOP" },
] as const;

describe("the whole registration behaves as before", () => {
  it.each(recorded.whole.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const result = registrationSchema(studies, [currentCallDefinition]).safeParse(c.input) as Parse;
    if ("errors" in c) {
      expect(firstErrors(result)).toEqual(c.errors);
    } else {
      expect(result.success).toBe(true);
      expect(JSON.parse(JSON.stringify((result as { data: unknown }).data))).toEqual(c.output);
    }
  });

  it("checks a whole set on its own", () => {
    const result = questionSetAnswerSchema(currentCallDefinition).safeParse({});
    expect(firstErrors(result as Parse)).toMatchObject({ worksInNhsNow: "Select yes if you work in the NHS now" });
  });
});
