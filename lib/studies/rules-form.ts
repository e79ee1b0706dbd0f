import { z } from "zod";
import {
  eligibilityConditionSchema,
  type EligibilityCondition,
  type EligibilityCriterion,
  type EligibilityRules,
} from "@/lib/eligibility/rules";
import { CHOICE_KINDS, type Question } from "@/lib/questions/definition";

/**
 * Eligibility rules as the team edits them: a readable form of criteria, each with its words and its
 * conditions (a question and the answers, or the range, that meet it), never JSON or ids. This module turns
 * the posted form into a draft, applies the form's buttons (add, remove, move), turns a draft into
 * EligibilityRules with an error for each field that is wrong, and turns stored rules back into a draft.
 * Pure, so the page, the server action and the tests share it.
 *
 * Field names: `c{i}-description`, `c{i}-unmetReason`, `c{i}-match` ("all" or "any"), `c{i}-id` and
 * `c{i}-idFor` (hidden: the criterion's id and the description it was made from), `c{i}-kept` (hidden: a
 * condition nested too deeply to edit here, as JSON, kept as it is), and for each condition
 * `c{i}-n{j}-question`, `c{i}-n{j}-answers` (ticked option codes), `c{i}-n{j}-atLeast`, `c{i}-n{j}-atMost`.
 * `criteriaCount` and `c{i}-conditionsCount` say how many rows were drawn.
 */

export type ConditionDraft = { question: string; answers: string[]; atLeast: string; atMost: string };

export type CriterionDraft = {
  id: string;
  /** The description the id was made from: while the description stays the same, so does the id. */
  idFor: string;
  description: string;
  unmetReason: string;
  match: "all" | "any";
  conditions: ConditionDraft[];
  /** A condition nested more deeply than one "all" or "any" level, as JSON: shown in words, not edited. */
  kept?: string;
};

export type RulesDraft = { criteria: CriterionDraft[] };

export const MAX_CRITERIA = 30;
export const MAX_CONDITIONS = 20;

export const emptyCondition = (): ConditionDraft => ({ question: "", answers: [], atLeast: "", atMost: "" });
export const emptyCriterion = (): CriterionDraft => ({
  id: "",
  idFor: "",
  description: "",
  unmetReason: "",
  match: "all",
  conditions: [emptyCondition()],
});

export const fieldName = {
  criterion: (
    i: number,
    field: "description" | "unmetReason" | "match" | "id" | "idFor" | "kept" | "conditionsCount",
  ) => `c${i}-${field}`,
  condition: (i: number, j: number, field: "question" | "answers" | "atLeast" | "atMost") => `c${i}-n${j}-${field}`,
};

/** What the form posted: every value under a name (one for text, several for ticked boxes). */
export type PostedValues = (name: string) => string[];

export function postedValues(formData: FormData): PostedValues {
  return (name) => formData.getAll(name).filter((v): v is string => typeof v === "string");
}

const count = (text: string | undefined, max: number): number => {
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 ? Math.min(n, max) : 0;
};

/** The draft as posted: exactly the rows that were drawn, each field as typed. */
export function draftFromForm(get: PostedValues): RulesDraft {
  const one = (name: string) => get(name)[0] ?? "";
  const criteria: CriterionDraft[] = [];
  for (let i = 0; i < count(one("criteriaCount"), MAX_CRITERIA); i++) {
    const conditions: ConditionDraft[] = [];
    for (let j = 0; j < count(one(fieldName.criterion(i, "conditionsCount")), MAX_CONDITIONS); j++) {
      conditions.push({
        question: one(fieldName.condition(i, j, "question")).trim(),
        answers: get(fieldName.condition(i, j, "answers")),
        atLeast: one(fieldName.condition(i, j, "atLeast")).trim(),
        atMost: one(fieldName.condition(i, j, "atMost")).trim(),
      });
    }
    const kept = one(fieldName.criterion(i, "kept"));
    criteria.push({
      id: one(fieldName.criterion(i, "id")),
      idFor: one(fieldName.criterion(i, "idFor")),
      description: one(fieldName.criterion(i, "description")),
      unmetReason: one(fieldName.criterion(i, "unmetReason")),
      match: one(fieldName.criterion(i, "match")) === "any" ? "any" : "all",
      conditions,
      ...(kept ? { kept } : {}),
    });
  }
  return { criteria };
}

/** The form's buttons other than testing and saving: each changes the rows drawn, and nothing is saved. */
export type RowChange =
  | { kind: "add-criterion" }
  | { kind: "remove-criterion"; criterion: number }
  | { kind: "move-criterion"; criterion: number; by: -1 | 1 }
  | { kind: "add-condition"; criterion: number }
  | { kind: "remove-condition"; criterion: number; condition: number }
  | { kind: "move-condition"; criterion: number; condition: number; by: -1 | 1 };

/** The button's value as a change: "add-criterion", "remove-criterion-2", "up-1", "down-1-0", "add-condition-0"… */
export function rowChangeOf(intent: string): RowChange | null {
  if (intent === "add-criterion") return { kind: "add-criterion" };
  const m = intent.match(/^(remove-criterion|add-condition|remove-condition|up|down)-(\d{1,2})(?:-(\d{1,2}))?$/);
  if (!m) return null;
  const criterion = Number(m[2]);
  const condition = m[3] === undefined ? undefined : Number(m[3]);
  switch (m[1]) {
    case "remove-criterion":
      return condition === undefined ? { kind: "remove-criterion", criterion } : null;
    case "add-condition":
      return condition === undefined ? { kind: "add-condition", criterion } : null;
    case "remove-condition":
      return condition === undefined ? null : { kind: "remove-condition", criterion, condition };
    default: {
      const by = m[1] === "up" ? -1 : 1;
      return condition === undefined
        ? { kind: "move-criterion", criterion, by }
        : { kind: "move-condition", criterion, condition, by };
    }
  }
}

function moved<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const copy = [...list];
  [copy[index], copy[to]] = [copy[to]!, copy[index]!];
  return copy;
}

export function applyRowChange(draft: RulesDraft, change: RowChange): RulesDraft {
  const criteria = draft.criteria;
  const withCriterion = (i: number, f: (c: CriterionDraft) => CriterionDraft) => ({
    criteria: criteria.map((c, index) => (index === i ? f(c) : c)),
  });
  switch (change.kind) {
    case "add-criterion":
      return criteria.length >= MAX_CRITERIA ? draft : { criteria: [...criteria, emptyCriterion()] };
    case "remove-criterion":
      return { criteria: criteria.filter((_, index) => index !== change.criterion) };
    case "move-criterion":
      return { criteria: moved(criteria, change.criterion, change.by) };
    case "add-condition":
      return withCriterion(change.criterion, (c) =>
        c.kept || c.conditions.length >= MAX_CONDITIONS ? c : { ...c, conditions: [...c.conditions, emptyCondition()] },
      );
    case "remove-condition":
      return withCriterion(change.criterion, (c) => ({
        ...c,
        conditions: c.conditions.filter((_, index) => index !== change.condition),
      }));
    case "move-condition":
      return withCriterion(change.criterion, (c) => ({
        ...c,
        conditions: moved(c.conditions, change.condition, change.by),
      }));
  }
}

/** A criterion id made from its description: lower-case words joined by hyphens, like "works-in-the-nhs". */
export function criterionIdFrom(description: string): string {
  const words = description
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  if (!words) return "criterion";
  return /^[a-z]/.test(words) ? words : `criterion-${words}`;
}

export type RulesFromDraft = { ok: true; rules: EligibilityRules } | { ok: false; errors: Record<string, string> };

const NUMBER = /^-?\d+(\.\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const [y, m, d] = text.split("-").map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
}

const keptConditionSchema = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "not JSON" });
      return z.NEVER;
    }
  })
  .pipe(eligibilityConditionSchema);

/**
 * The draft as rules, or an error for each field that is wrong, keyed by the field's name (which is also
 * its id on the page). Whether the questions and answers named exist is checked here too, for the fields;
 * `rulesProblems` checks the result again where the rules are saved.
 */
export function rulesFromDraft(draft: RulesDraft, questions: readonly Question[]): RulesFromDraft {
  const errors: Record<string, string> = {};
  const byCode = new Map(questions.map((q) => [q.code, q]));
  const usedIds = new Set<string>();
  const criteria: EligibilityCriterion[] = [];

  draft.criteria.forEach((c, i) => {
    const n = i + 1;
    const description = c.description.trim();
    const unmetReason = c.unmetReason.trim();
    if (!description) errors[fieldName.criterion(i, "description")] = `Enter what the public reads for criterion ${n}`;
    else if (description.length > 300)
      errors[fieldName.criterion(i, "description")] =
        `What the public reads for criterion ${n} must be 300 characters or fewer`;
    if (!unmetReason)
      errors[fieldName.criterion(i, "unmetReason")] = `Enter what someone who does not meet criterion ${n} is told`;
    else if (unmetReason.length > 600)
      errors[fieldName.criterion(i, "unmetReason")] =
        `What someone who does not meet criterion ${n} is told must be 600 characters or fewer`;

    let condition: EligibilityCondition | undefined;
    if (c.kept) {
      const parsed = keptConditionSchema.safeParse(c.kept);
      if (parsed.success) condition = parsed.data;
      else
        errors[fieldName.criterion(i, "description")] ??=
          `The conditions of criterion ${n} cannot be read: remove it and add it again`;
    } else {
      const leaves: EligibilityCondition[] = [];
      if (c.conditions.length === 0) {
        errors[fieldName.criterion(i, "description")] ??= `Add a condition to criterion ${n}, or remove the criterion`;
      }
      c.conditions.forEach((row, j) => {
        const where = `condition ${j + 1} of criterion ${n}`;
        const field = (f: "question" | "answers" | "atLeast" | "atMost") => fieldName.condition(i, j, f);
        if (!row.question) {
          errors[field("question")] = `Choose the question for ${where}, or remove the condition`;
          return;
        }
        const question = byCode.get(row.question);
        const choice = question ? CHOICE_KINDS.includes(question.kind) : row.answers.length > 0;
        const ranged = question
          ? question.kind === "number" || question.kind === "date"
          : !choice && (row.atLeast !== "" || row.atMost !== "");
        if (choice) {
          if (row.answers.length === 0) {
            errors[field("answers")] = `Choose the answers that meet ${where}`;
            return;
          }
          leaves.push({ answer: row.question, oneOf: [...new Set(row.answers)] });
        } else if (ranged) {
          const dated = question ? question.kind === "date" : !NUMBER.test(row.atLeast || row.atMost);
          const bound = (f: "atLeast" | "atMost", text: string): number | string | undefined | null => {
            if (text === "") return undefined;
            if (dated) {
              if (isRealDate(text)) return text;
              errors[field(f)] =
                `The ${f === "atLeast" ? "earliest" : "latest"} date for ${where} must be a real date, like 2026-03-27`;
              return null;
            }
            if (NUMBER.test(text)) return Number(text);
            errors[field(f)] = `The ${f === "atLeast" ? "lowest" : "highest"} answer for ${where} must be a number`;
            return null;
          };
          const atLeast = bound("atLeast", row.atLeast);
          const atMost = bound("atMost", row.atMost);
          if (atLeast === null || atMost === null) return;
          if (atLeast === undefined && atMost === undefined) {
            errors[field("atLeast")] = dated
              ? `Enter the earliest or the latest date that meets ${where}`
              : `Enter the lowest or the highest answer that meets ${where}`;
            return;
          }
          if (atLeast !== undefined && atMost !== undefined && atLeast > atMost) {
            errors[field("atMost")] = dated
              ? `The latest date for ${where} must be the same as or after the earliest`
              : `The highest answer for ${where} must be the same as or more than the lowest`;
            return;
          }
          leaves.push({
            answer: row.question,
            ...(atLeast !== undefined ? { atLeast } : {}),
            ...(atMost !== undefined ? { atMost } : {}),
          });
        } else {
          leaves.push({ answer: row.question, answered: true });
        }
      });
      if (leaves.length === 1) condition = leaves[0];
      else if (leaves.length > 1) condition = c.match === "any" ? { anyOf: leaves } : { allOf: leaves };
    }

    let id = c.id && c.idFor === c.description && /^[a-z][a-z0-9-]*$/.test(c.id) ? c.id : criterionIdFrom(description);
    if (usedIds.has(id)) {
      let k = 2;
      while (usedIds.has(`${id}-${k}`)) k++;
      id = `${id}-${k}`;
    }
    usedIds.add(id);
    if (condition && description && unmetReason) criteria.push({ id, description, unmetReason, condition });
  });

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, rules: { criteria } };
}

function leafDraft(condition: EligibilityCondition): ConditionDraft | null {
  if ("anyOf" in condition || "allOf" in condition) return null;
  if ("oneOf" in condition) return { ...emptyCondition(), question: condition.answer, answers: [...condition.oneOf] };
  if ("answered" in condition) return { ...emptyCondition(), question: condition.answer };
  return {
    ...emptyCondition(),
    question: condition.answer,
    atLeast: condition.atLeast === undefined ? "" : String(condition.atLeast),
    atMost: condition.atMost === undefined ? "" : String(condition.atMost),
  };
}

/**
 * Stored rules as a draft to edit. A criterion whose condition is one test, or "all" or "any" of tests,
 * is editable; one nested more deeply is kept as it is (its words and place can still change).
 */
export function draftFromRules(rules: EligibilityRules): RulesDraft {
  return {
    criteria: rules.criteria.map((c) => {
      const base = { id: c.id, idFor: c.description, description: c.description, unmetReason: c.unmetReason };
      const single = leafDraft(c.condition);
      if (single) return { ...base, match: "all", conditions: [single] };
      const group = "anyOf" in c.condition ? c.condition.anyOf : "allOf" in c.condition ? c.condition.allOf : [];
      const leaves = group.map(leafDraft);
      if (leaves.every((l): l is ConditionDraft => l !== null)) {
        return { ...base, match: "anyOf" in c.condition ? "any" : "all", conditions: leaves };
      }
      return { ...base, match: "all", conditions: [], kept: JSON.stringify(c.condition) };
    }),
  };
}

/** The order of the form's fields, for the error summary. */
export function draftFieldOrder(draft: RulesDraft): string[] {
  return draft.criteria.flatMap((c, i) => [
    fieldName.criterion(i, "description"),
    fieldName.criterion(i, "unmetReason"),
    ...c.conditions.flatMap((_, j) =>
      (["question", "answers", "atLeast", "atMost"] as const).map((f) => fieldName.condition(i, j, f)),
    ),
  ]);
}
