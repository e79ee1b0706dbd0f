import { z } from "zod";
import {
  CHOICE_KINDS,
  TEXT_LIMITS,
  type AnswerCondition,
  type Question,
  type QuestionPage,
  type QuestionSetDefinition,
} from "./definition";

/**
 * The rules for answering a question set, made from its definition: one zod schema per page, used by the
 * browser (react-hook-form's resolver) and by the server action alike, and one for the whole set, checked
 * again on the final submit. Values arrive as a browser sends them (text, or a list for boxes sharing one
 * name); answers come out as they are stored: an option code, a list of option codes, trimmed text, a whole
 * number, or a date as "YYYY-MM-DD". A blank answer is no answer.
 *
 * Dates are one text field that accepts day, month and year separated by spaces, slashes, dots or hyphens
 * ("27/3/2024", "27 3 2024") or the ISO form ("2024-03-27"), with a hint giving an example.
 */

/** One answer as stored: an option code or text, a list of option codes, a number, or a date (YYYY-MM-DD). */
export type ScreeningAnswer = string | string[] | number;
export type ScreeningAnswers = Record<string, ScreeningAnswer | undefined>;

export const CONTROL_CHARACTERS_MESSAGE = "Remove any special characters, such as tabs";
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f]*$/;
const NO_CONTROL_CHARACTERS_EXCEPT_LINES = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

/** Trims text, and treats an empty or missing answer as no answer at all. */
export function blankToUndefined(value: unknown): unknown {
  if (typeof value !== "string") return value === null || value === false ? undefined : value;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

/** Boxes sharing a name: nothing, one value or several, depending on the browser and the library. */
export function asList(value: unknown): unknown {
  if (value === undefined || value === null || value === false || value === "") return [];
  return Array.isArray(value) ? value : [value];
}

/** "Staff group" -> "staff group", but "NHS trust" and "THET-funded …" keep their capitals. */
function lowerFirst(text: string): string {
  if (text.length > 1 && text[1] === text[1]!.toUpperCase() && /[A-Z]/.test(text[1]!)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The most characters a text question accepts. */
export function textLimit(question: Question): number {
  const kindLimit = question.kind === "long-text" ? TEXT_LIMITS["long-text"] : TEXT_LIMITS["short-text"];
  return Math.min(question.maxLength ?? kindLimit, kindLimit);
}

export type QuestionMessages = {
  required: string;
  tooLong: string;
  invalid: string;
  conflict: string;
  tooSmall: string;
  tooLarge: string;
};

/**
 * The error words for a question: the team's own, or ones made from its short label in the GOV.UK style.
 * `controlling` is the question its showWhen names, for the words of a conflict.
 */
export function questionMessages(question: Question, controlling?: Question): QuestionMessages {
  const own = question.messages ?? {};
  const name = lowerFirst(question.shortLabel);
  const choice = CHOICE_KINDS.includes(question.kind);
  const required =
    own.required ??
    (question.kind === "yes-no"
      ? `Select yes or no for ${name}`
      : choice
        ? `Select ${name}`
        : question.kind === "number"
          ? `Enter ${name}`
          : question.kind === "date"
            ? `Enter ${name}`
            : `Enter ${name}`);
  const invalid =
    own.invalid ??
    (choice
      ? question.kind === "several-choices"
        ? `Select ${name} from the options listed`
        : required
      : question.kind === "number"
        ? "Enter a whole number"
        : question.kind === "date"
          ? "Enter a real date"
          : `Enter ${name} as text`);
  return {
    required,
    invalid,
    tooLong: own.tooLong ?? `${question.shortLabel} must be ${textLimit(question)} characters or fewer`,
    conflict:
      own.conflict ??
      (controlling
        ? `Your answer to "${controlling.shortLabel}" means "${question.shortLabel}" does not apply. Delete your answer to it, or change your answer to "${controlling.shortLabel}"`
        : `"${question.shortLabel}" does not apply. Delete your answer to it`),
    tooSmall: own.invalid ?? `${question.shortLabel} must be ${question.min ?? 0} or more`,
    tooLarge: own.invalid ?? `${question.shortLabel} must be ${question.max ?? 0} or fewer`,
  };
}

const DAY_MONTH_YEAR = /^(\d{1,2})[\s/.-]+(\d{1,2})[\s/.-]+(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** A real calendar date as "YYYY-MM-DD", from "27/3/2024", "27 3 2024" or "2024-03-27"; null otherwise. */
export function parseDateAnswer(text: string): string | null {
  const trimmed = text.trim();
  let day: number, month: number, year: number;
  const dmy = DAY_MONTH_YEAR.exec(trimmed);
  const iso = ISO_DATE.exec(trimmed);
  if (dmy) [day, month, year] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  if (year < 1000 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** "2024-03-27" -> "27 March 2024", for check-your-answers. */
export function dateInWords(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    date,
  );
}

/** Whether the base field itself insists on an answer (conditions are checked across the page). */
function alwaysRequired(question: Question): boolean {
  return question.required && !question.showWhen && !question.requiredWhen;
}

/** One question's field, on its own: type, options, limits. Whether it applies is checked across the page. */
export function answerFieldSchema(question: Question, controlling?: Question): z.ZodType {
  const m = questionMessages(question, controlling);
  const required = alwaysRequired(question);
  const codes = (question.options ?? []).map((o) => o.code);
  switch (question.kind) {
    case "yes-no":
    case "one-choice": {
      const field = z.enum(codes as [string, ...string[]], { error: required ? m.required : m.invalid });
      return z.preprocess(blankToUndefined, required ? field : field.optional());
    }
    case "several-choices": {
      const list = z.array(
        z.string({ error: m.invalid }).refine((c) => codes.includes(c), m.invalid),
        {
          error: m.invalid,
        },
      );
      return z.preprocess(asList, required ? list.min(1, m.required) : list);
    }
    case "short-text":
    case "long-text": {
      const text = z
        .string({ error: required ? m.required : m.invalid })
        .max(textLimit(question), m.tooLong)
        .regex(
          question.kind === "long-text" ? NO_CONTROL_CHARACTERS_EXCEPT_LINES : NO_CONTROL_CHARACTERS,
          CONTROL_CHARACTERS_MESSAGE,
        );
      return z.preprocess(blankToUndefined, required ? text : text.optional());
    }
    case "number": {
      let number = z.number({ error: (issue) => (issue.input === undefined ? m.required : m.invalid) }).int(m.invalid);
      if (question.min !== undefined) number = number.min(question.min, m.tooSmall);
      if (question.max !== undefined) number = number.max(question.max, m.tooLarge);
      return z.preprocess(
        (value) => {
          const v = blankToUndefined(value);
          if (typeof v !== "string") return v;
          return /^[-+]?\d{1,15}$/.test(v) ? Number(v) : Number.NaN;
        },
        required ? number : number.optional(),
      );
    }
    case "date": {
      const date = z.string({ error: (issue) => (issue.input === undefined ? m.required : m.invalid) });
      return z.preprocess(
        (value) => {
          const v = blankToUndefined(value);
          if (typeof v !== "string") return v;
          return parseDateAnswer(v) ?? Number.NaN;
        },
        required ? date : date.optional(),
      );
    }
  }
}

/** Whether an answer is given: not blank, not an empty list. */
export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function conditionMet(when: { oneOf: string[] }, value: unknown): boolean {
  const given = Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value.trim()] : [];
  return given.some((v) => when.oneOf.includes(v));
}

/** Whether the answer a condition names (in these answers) is one of its codes. */
export function conditionHolds(when: AnswerCondition, answers: Readonly<Record<string, unknown>>): boolean {
  return conditionMet(when, answers[when.question]);
}

/**
 * Whether a question applies given the answers so far: a question with showWhen applies only when the
 * earlier answer is one of its codes (not when that answer is missing); every other question applies.
 */
export function questionApplies(question: Question, answers: Readonly<Record<string, unknown>>): boolean {
  return !question.showWhen || conditionMet(question.showWhen, answers[question.showWhen.question]);
}

/** The checks across questions: required when, conflicting answers to questions that do not apply. */
function refineAcross(questions: readonly Question[], byCode: ReadonlyMap<string, Question>) {
  return (values: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    for (const q of questions) {
      const m = questionMessages(q, q.showWhen ? byCode.get(q.showWhen.question) : undefined);
      const answered = isAnswered(values[q.code]);
      if (q.showWhen) {
        const controlling = values[q.showWhen.question];
        if (!isAnswered(controlling)) continue;
        if (!conditionMet(q.showWhen, controlling)) {
          // Contradictory answers are pointed out, not silently dropped: the person may have ticked the wrong box.
          if (answered) ctx.addIssue({ code: "custom", path: [q.code], message: m.conflict });
          continue;
        }
      }
      const requiredNow = q.requiredWhen
        ? conditionMet(q.requiredWhen, values[q.requiredWhen.question])
        : q.required && Boolean(q.showWhen);
      if (requiredNow && !answered) ctx.addIssue({ code: "custom", path: [q.code], message: m.required });
    }
  };
}

/** Answers to questions that do not apply are not kept. */
function keepApplying(questions: readonly Question[]) {
  return (values: Record<string, unknown>): Record<string, unknown> => {
    const kept = { ...values };
    for (const q of questions) if (!questionApplies(q, values)) kept[q.code] = undefined;
    return kept;
  };
}

export type AnswerSchemaParts = {
  /** The fields, by code, to merge into a larger object schema. */
  fields: Record<string, z.ZodType>;
  /** The checks across the questions, for the larger schema's superRefine. */
  refine: (values: Record<string, unknown>, ctx: z.RefinementCtx) => void;
  /** Drops answers to questions that do not apply, for the larger schema's transform. */
  keep: (values: Record<string, unknown>) => Record<string, unknown>;
};

/**
 * The parts of the schema for these questions (a page, or a whole set), for composing with other fields.
 * `earlier` are the questions of earlier pages that a showWhen or requiredWhen here may name: their answers
 * are read (they must be among the values parsed, as the saved answers are) but not checked or output.
 */
export function answerSchemaParts(
  questions: readonly Question[],
  earlier: readonly Question[] = [],
): AnswerSchemaParts {
  const byCode = new Map([...earlier, ...questions].map((q) => [q.code, q]));
  const own = new Set(questions.map((q) => q.code));
  const fields: Record<string, z.ZodType> = {};
  for (const q of questions) {
    fields[q.code] = answerFieldSchema(q, q.showWhen ? byCode.get(q.showWhen.question) : undefined);
  }
  // Context from earlier pages: read for the conditions, never kept from this page.
  for (const q of questions) {
    for (const when of [q.showWhen, q.requiredWhen]) {
      if (when && !own.has(when.question)) fields[when.question] = z.unknown();
    }
  }
  const contextCodes = Object.keys(fields).filter((code) => !own.has(code));
  const keep = keepApplying(questions);
  return {
    fields,
    refine: refineAcross(questions, byCode),
    keep: (values) => {
      const kept = keep(values);
      for (const code of contextCodes) delete kept[code];
      return kept;
    },
  };
}

/** Questions of pages before this one in the set (what a page's conditions may name). */
export function questionsBefore(definition: QuestionSetDefinition, pageSlug: string): Question[] {
  const index = definition.pages.findIndex((p) => p.slug === pageSlug);
  return definition.pages.slice(0, Math.max(index, 0)).flatMap((p) => p.questions);
}

/** The codes a page's schema reads from earlier pages' answers (they are not posted with the page). */
export function pageContextCodes(page: QuestionPage): string[] {
  const own = new Set(page.questions.map((q) => q.code));
  const codes = page.questions.flatMap((q) => [q.showWhen?.question, q.requiredWhen?.question]);
  return [...new Set(codes.filter((c): c is string => c !== undefined && !own.has(c)))];
}

/** A field only bots fill in (the registration pages carry it). */
const honeypot = z.string().max(200).optional();

/**
 * One page's schema, for the browser and the server action: its questions' answers (plus the hidden
 * field only bots fill in), with the answers of questions that do not apply left out.
 */
export function pageAnswerSchema(page: QuestionPage, earlier: readonly Question[] = []) {
  const parts = answerSchemaParts(page.questions, earlier);
  return z
    .object({ ...parts.fields, website: honeypot })
    .superRefine(parts.refine)
    .transform((v) => parts.keep(v));
}

/** Every answer to a whole set together, as checked once more on the final submit. */
export function questionSetAnswerSchema(definition: QuestionSetDefinition) {
  const questions = definition.pages.flatMap((p) => p.questions);
  const parts = answerSchemaParts(questions);
  return z
    .object(parts.fields)
    .superRefine(parts.refine)
    .transform((v) => parts.keep(v));
}
