import { z } from "zod";
import { ActionError } from "@/lib/forms/action-error";
import {
  CHOICE_KINDS,
  QUESTION_KINDS,
  YES_NO_OPTIONS,
  questionSetDefinitionSchema,
  type Question,
  type QuestionOption,
  type QuestionSetDefinition,
} from "./definition";
import { formatOptionsText, parseOptionsText, questionCodeFromShortLabel } from "./options-text";

/**
 * The question builder's forms, as posted (every value a string), and the pure edits they make to a draft
 * definition. One schema for the server action and the browser. Every edit's result is checked as a whole
 * by `draftProblems` before it is stored.
 */

const optionalInteger = (what: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === "" || /^-?\d+$/.test(v), `Enter the ${what} as a whole number, like 18, or leave it empty`)
    .transform((v) => (v === "" ? undefined : Number(v)));

export const pageFormSchema = z.object({
  title: z.string().trim().min(1, "Enter the page title").max(120, "The page title must be 120 characters or fewer"),
  slug: z
    .string()
    .trim()
    .min(1, "Enter the page address")
    .regex(
      /^[a-z][a-z0-9-]{0,47}$/,
      "The page address must start with a letter and use only lower-case letters, digits and hyphens, like your-work",
    ),
});
export type PageForm = z.output<typeof pageFormSchema>;

export const questionFormSchema = z
  .object({
    kind: z.enum(QUESTION_KINDS, "Choose the type of question"),
    label: z.string().trim().min(1, "Enter the question").max(500, "The question must be 500 characters or fewer"),
    shortLabel: z
      .string()
      .trim()
      .min(1, "Enter a short name for the question")
      .max(80, "The short name must be 80 characters or fewer"),
    /** Empty: made from the short name. */
    code: z
      .string()
      .trim()
      .refine(
        (v) => v === "" || /^[a-z][A-Za-z0-9]{0,47}$/.test(v),
        "The code must start with a lower-case letter and use only letters and digits, like staffGroup",
      ),
    hint: z.string().trim().max(1000, "The hint must be 1000 characters or fewer"),
    required: z.enum(["yes", "no"], "Choose whether an answer is required").transform((v) => v === "yes"),
    options: z.string(),
    min: optionalInteger("smallest answer"),
    max: optionalInteger("largest answer"),
  })
  .superRefine((q, ctx) => {
    if (["one-choice", "several-choices"].includes(q.kind) && q.options.trim() === "") {
      ctx.addIssue({ code: "custom", path: ["options"], message: "Enter the options, one option per line" });
    }
    if (q.min !== undefined && q.max !== undefined && q.min > q.max) {
      ctx.addIssue({ code: "custom", path: ["min"], message: "The smallest answer must not be more than the largest" });
    }
  })
  .transform((q) => ({ ...q, code: q.code === "" ? questionCodeFromShortLabel(q.shortLabel) : q.code }));
export type QuestionFormValues = z.input<typeof questionFormSchema>;
export type QuestionForm = z.output<typeof questionFormSchema>;
export const QUESTION_FORM_FIELDS = [
  "kind",
  "label",
  "shortLabel",
  "code",
  "hint",
  "required",
  "options",
  "min",
  "max",
];

/** A question from its form; `previous` is the question it replaces, whose option codes stay for unchanged labels. */
export function questionFromForm(form: QuestionForm, previous?: Question): Question {
  const question: Question = {
    ...(previous ?? {}),
    code: form.code,
    kind: form.kind,
    label: form.label,
    shortLabel: form.shortLabel,
    required: form.required,
  };
  if (form.hint === "") delete question.hint;
  else question.hint = form.hint;
  if (form.kind === "yes-no") {
    question.options =
      previous?.kind === "yes-no" && previous.options ? previous.options : YES_NO_OPTIONS.map((o) => ({ ...o }));
  } else if (CHOICE_KINDS.includes(form.kind)) {
    question.options = parseOptionsText(form.options, previous?.options ?? []);
  } else delete question.options;
  if (form.kind === "number") {
    if (form.min === undefined) delete question.min;
    else question.min = form.min;
    if (form.max === undefined) delete question.max;
    else question.max = form.max;
  } else {
    delete question.min;
    delete question.max;
  }
  if (!["yes-no", "one-choice"].includes(form.kind)) delete question.inline;
  if (!["short-text", "long-text"].includes(form.kind)) {
    delete question.maxLength;
    delete question.width;
    delete question.autocomplete;
  }
  return question;
}

/** A stored question as its form shows it. */
export function questionFormValues(q: Question): Record<string, string> {
  return {
    kind: q.kind,
    label: q.label,
    shortLabel: q.shortLabel,
    code: q.code,
    hint: q.hint ?? "",
    required: q.required ? "yes" : "no",
    options: q.kind === "yes-no" ? "" : formatOptionsText(q.options),
    min: q.min?.toString() ?? "",
    max: q.max?.toString() ?? "",
  };
}

/**
 * What is wrong with a draft, in the definition's own words. A draft may still have no pages, or a page
 * with no questions yet (it cannot be published so); everything else is checked as for publishing.
 */
export function draftProblems(definition: QuestionSetDefinition): string[] {
  const parsed = questionSetDefinitionSchema.safeParse(definition);
  if (parsed.success) return [];
  const isEmptyList = (issue: z.core.$ZodIssue) =>
    issue.code === "too_small" &&
    (issue.path.length === 1 || (issue.path.length === 3 && issue.path[2] === "questions"));
  return [...new Set(parsed.error.issues.filter((i) => !isEmptyList(i)).map((i) => i.message))];
}

/** What is wrong with a draft before it is published: everything, empty pages included. */
export function publishProblems(definition: QuestionSetDefinition): string[] {
  const parsed = questionSetDefinitionSchema.safeParse(definition);
  return parsed.success ? [] : [...new Set(parsed.error.issues.map((i) => i.message))];
}

export type DraftEdit =
  | { type: "add-page"; page: PageForm }
  | { type: "change-page"; pageSlug: string; page: PageForm }
  | { type: "remove-page"; pageSlug: string }
  | { type: "add-question"; pageSlug: string; question: QuestionForm }
  | { type: "change-question"; code: string; question: QuestionForm }
  | { type: "move-question"; code: string; direction: "up" | "down" }
  | { type: "remove-question"; code: string };

function pageIndex(definition: QuestionSetDefinition, slug: string): number {
  const index = definition.pages.findIndex((p) => p.slug === slug);
  if (index < 0) throw new ActionError("That page is no longer in the draft. Reload the page.");
  return index;
}

function questionPlace(definition: QuestionSetDefinition, code: string): [number, number] {
  for (const [p, page] of definition.pages.entries()) {
    const q = page.questions.findIndex((x) => x.code === code);
    if (q >= 0) return [p, q];
  }
  throw new ActionError("That question is no longer in the draft. Reload the page.");
}

/** The draft after one edit (a new object; the one given is not changed). */
export function applyDraftEdit(definition: QuestionSetDefinition, edit: DraftEdit): QuestionSetDefinition {
  const d: QuestionSetDefinition = structuredClone(definition);
  switch (edit.type) {
    case "add-page":
      d.pages.push({ slug: edit.page.slug, title: edit.page.title, questions: [] });
      break;
    case "change-page": {
      const page = d.pages[pageIndex(d, edit.pageSlug)]!;
      page.slug = edit.page.slug;
      page.title = edit.page.title;
      break;
    }
    case "remove-page":
      d.pages.splice(pageIndex(d, edit.pageSlug), 1);
      break;
    case "add-question":
      d.pages[pageIndex(d, edit.pageSlug)]!.questions.push(questionFromForm(edit.question));
      break;
    case "change-question": {
      const [p, q] = questionPlace(d, edit.code);
      const page = d.pages[p]!;
      page.questions[q] = questionFromForm(edit.question, page.questions[q]);
      break;
    }
    case "move-question": {
      const [p, q] = questionPlace(d, edit.code);
      const page = d.pages[p]!;
      const [question] = page.questions.splice(q, 1);
      if (edit.direction === "up") {
        if (q > 0) page.questions.splice(q - 1, 0, question!);
        else if (p > 0) d.pages[p - 1]!.questions.push(question!);
        else page.questions.unshift(question!);
      } else if (q < page.questions.length) page.questions.splice(q + 1, 0, question!);
      else if (p < d.pages.length - 1) d.pages[p + 1]!.questions.unshift(question!);
      else page.questions.push(question!);
      break;
    }
    case "remove-question": {
      const [p, q] = questionPlace(d, edit.code);
      d.pages[p]!.questions.splice(q, 1);
      break;
    }
  }
  return d;
}

export function optionsOf(q: Question): readonly QuestionOption[] {
  return q.options ?? [];
}
