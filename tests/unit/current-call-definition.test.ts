import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CURRENT_CALL_QUESTION_SET, currentCallDefinition } from "@/lib/questions/current-call";
import {
  RESERVED_CODES,
  allQuestions,
  definitionProblems,
  questionSetDefinitionSchema,
} from "@/lib/questions/definition";

/**
 * Migration 20261204090000_study_builder stores the call's questions as version 1 of its question set, as
 * a JSON literal in the SQL; lib/questions/current-call.ts is the same definition in code. They must not
 * drift apart: every earlier submission is recorded as having answered what the migration stores.
 */
const sql = readFileSync(
  path.join(process.cwd(), "prisma", "migrations", "20261204090000_study_builder", "migration.sql"),
  "utf8",
);

function migrationDefinition(): unknown {
  const match = sql.match(/\$definition\$([\s\S]*?)\$definition\$::jsonb/);
  if (!match) throw new Error("The migration has no $definition$ … $definition$ literal");
  return JSON.parse(match[1]!);
}

describe("the 2026 call's questions", () => {
  it("are stored by the migration exactly as lib/questions/current-call.ts defines them", () => {
    expect(sql.match(/\$definition\$/g)).toHaveLength(2); // one literal, opened and closed
    expect(migrationDefinition()).toStrictEqual(JSON.parse(JSON.stringify(currentCallDefinition)));
  });

  it("are stored under the set's slug and title", () => {
    expect(sql).toContain(`VALUES ('${CURRENT_CALL_QUESTION_SET.slug}', '${CURRENT_CALL_QUESTION_SET.title}',`);
    expect(sql).toContain(`WHERE "slug" = '${CURRENT_CALL_QUESTION_SET.slug}'`);
  });

  it("pass the question set schema, with no problems", () => {
    expect(definitionProblems(currentCallDefinition)).toEqual([]);
    const parsed = questionSetDefinitionSchema.safeParse(currentCallDefinition);
    expect(parsed.success).toBe(true);
    // Parsing keeps everything: nothing in the definition is an unknown key that the schema would drop.
    expect(parsed.data).toStrictEqual(currentCallDefinition);
    expect(questionSetDefinitionSchema.parse(migrationDefinition())).toStrictEqual(currentCallDefinition);
  });

  it("use no code reserved for the fixed journey, and the migration strips exactly the reserved codes", () => {
    const codes = allQuestions(currentCallDefinition).map((q) => q.code);
    expect(codes).toEqual([
      "worksInNhsNow",
      "employer",
      "staffGroup",
      "jobTitle",
      "region",
      "ihpParticipation",
      "partnershipName",
      "partnershipCountry",
      "partnershipYears",
      "otherVolunteering",
      "introducedLearning",
      "learningDescription",
    ]);
    const stripped = sql.match(/"screening_answers" = latest\."answers" - ARRAY\[([^\]]*)\]/);
    expect(stripped).not.toBeNull();
    const strippedCodes = [...stripped![1]!.matchAll(/'([^']+)'/g)].map((m) => m[1]);
    expect([...strippedCodes].sort()).toEqual([...RESERVED_CODES].sort());
    expect(codes.filter((c) => (RESERVED_CODES as readonly string[]).includes(c))).toEqual([]);
  });
});
