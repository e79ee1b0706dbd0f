import type { z } from "zod";
import { eligibilityRulesSchema, type EligibilityRules } from "@/lib/eligibility/rules";
import { findJsonSyntaxError } from "./json-syntax-error";

/**
 * Eligibility rules as an admin edits them: JSON text in a textarea. Checked with the same schema the
 * registration uses (eligibilityRulesSchema), with errors that say where the problem is and what to write
 * instead, rather than the schema's own wording. Pure.
 */
export type RulesTextResult = { ok: true; rules: EligibilityRules } | { ok: false; errors: string[] };

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

const quote = (s: unknown) => `“${String(s)}”`;

function valueAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** "Criterion 2 (“works-in-nhs-now”), condition.anyOf[1].oneOf" */
function where(root: unknown, path: Path): string {
  if (path.length === 0) return "The rules";
  let text = "";
  let rest = path;
  if (path[0] === "criteria" && typeof path[1] === "number") {
    const id = valueAt(root, ["criteria", path[1], "id"]);
    text = `Criterion ${path[1] + 1}${typeof id === "string" && id ? ` (${quote(id)})` : ""}`;
    rest = path.slice(2);
    if (rest.length === 0) return text;
    text += ", ";
  }
  return (
    text + rest.map((k, index) => (typeof k === "number" ? `[${k}]` : `${index === 0 ? "" : "."}${String(k)}`)).join("")
  );
}

function typeWord(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return "text";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

const expectedWords: Record<string, string> = {
  string: "text in double quotes",
  array: "a list in square brackets",
  object: "an object in curly brackets",
  number: "a number",
  boolean: "true or false",
};

function describeIssue(root: unknown, issue: Issue, prefix: Path = []): string[] {
  const path = [...prefix, ...issue.path];
  const at = where(root, path);
  const value = valueAt(root, path);
  switch (issue.code) {
    case "invalid_type": {
      const expected = expectedWords[issue.expected] ?? issue.expected;
      if (value === undefined) {
        const last = path[path.length - 1];
        const parent = where(root, path.slice(0, -1));
        return [`${parent}: the field ${quote(String(last))} is missing (it should be ${expected})`];
      }
      return [`${at}: should be ${expected}, not ${typeWord(value)}`];
    }
    case "too_small":
      return [issue.origin === "array" ? `${at}: list at least one item` : `${at}: must not be empty`];
    case "invalid_format":
      return [`${at}: use lower-case letters, digits and hyphens, starting with a letter, like “works-in-nhs-now”`];
    case "unrecognized_keys":
      return [
        `${at}: ${issue.keys.map(quote).join(", ")} ${issue.keys.length === 1 ? "is not a field" : "are not fields"} that can be used here`,
      ];
    case "invalid_union": {
      if (value === null || typeof value !== "object" || Array.isArray(value)) {
        return [`${at}: should be a condition: an object with “answer” and “oneOf”, or with “anyOf”, or with “allOf”`];
      }
      const keys = Object.keys(value);
      const branch = keys.includes("anyOf")
        ? 1
        : keys.includes("allOf")
          ? 2
          : keys.includes("answer") || keys.includes("oneOf")
            ? 0
            : -1;
      if (branch === -1 || !issue.errors[branch]) {
        return [`${at}: a condition needs either “answer” with “oneOf”, or “anyOf”, or “allOf”`];
      }
      return issue.errors[branch]!.flatMap((inner) => describeIssue(root, inner, path));
    }
    case "custom": {
      if (issue.message.startsWith("criterion ids must be unique")) {
        const ids = ((valueAt(root, ["criteria"]) as { id: string }[]) ?? []).map((c) => c.id);
        const repeated = [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))];
        return [`Two criteria have the same id (${repeated.map(quote).join(", ")}): give each criterion its own id`];
      }
      return [`${at}: ${issue.message}`];
    }
    default:
      return [`${at}: ${issue.message}`];
  }
}

export function parseEligibilityRulesText(text: string): RulesTextResult {
  if (text.trim() === "") return { ok: false, errors: ["Enter the eligibility rules"] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const syntax = findJsonSyntaxError(text);
    return {
      ok: false,
      errors: [
        syntax
          ? `The rules are not valid JSON: line ${syntax.line}, column ${syntax.column}: ${syntax.message}`
          : "The rules are not valid JSON",
      ],
    };
  }
  const parsed = eligibilityRulesSchema.safeParse(json);
  if (parsed.success) return { ok: true, rules: parsed.data };
  return { ok: false, errors: [...new Set(parsed.error.issues.flatMap((issue) => describeIssue(json, issue)))] };
}

/**
 * The rules as an admin reads and edits them: indented JSON, each criterion's fields in a readable order
 * (id, description, unmetReason, condition) rather than the database's (jsonb sorts keys by length).
 */
export function formatEligibilityRules(rules: unknown): string {
  const parsed = eligibilityRulesSchema.safeParse(rules);
  return JSON.stringify(parsed.success ? parsed.data : rules, null, 2);
}
