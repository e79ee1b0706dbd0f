import { z } from "zod";

/**
 * A question set is the screening questions a study (or every study of one call) asks when people register,
 * as data: pages of questions, each with a stable code. Answers are stored under their question's code, and
 * eligibility rules test answers by code, so the wording can change freely between versions while the
 * codes stay put. A published version never changes (the database refuses it); a new version is a new row.
 *
 * The registration journey around the questions is fixed and not part of a set: "About you" (name, email,
 * phone) before them, and "Taking part" (which studies, how to attend a workshop, how you heard, the
 * consents) after them. Their codes are reserved.
 */

export const QUESTION_KINDS = [
  "yes-no",
  "one-choice",
  "several-choices",
  "short-text",
  "long-text",
  "number",
  "date",
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const QUESTION_KIND_WORDS: Record<QuestionKind, string> = {
  "yes-no": "Yes or no",
  "one-choice": "One choice from a list",
  "several-choices": "Several choices from a list",
  "short-text": "Short text",
  "long-text": "Long text",
  number: "Number",
  date: "Date",
};

/** Kinds whose answers are option codes, so rules and filters can test them. */
export const CHOICE_KINDS: readonly QuestionKind[] = ["yes-no", "one-choice", "several-choices"];

/** The codes of the fixed parts of the journey; a question set cannot use them. */
export const RESERVED_CODES = [
  "fullName",
  "email",
  "phone",
  "website",
  "studies",
  "workshopFormat",
  "workshopRegion",
  "heardFrom",
  "heardFromOther",
  "contactConsent",
  "privacyAcknowledged",
] as const;

/** Registration addresses that are not question pages (/register/<slug>). */
export const RESERVED_PAGE_SLUGS = [
  "about-you",
  "choose-studies",
  "taking-part",
  "check-answers",
  "confirmation",
  "try-again-later",
  "questions-changed",
] as const;

export const YES_NO_OPTIONS = [
  { code: "yes", label: "Yes" },
  { code: "no", label: "No" },
] as const;

const CODE = /^[a-z][A-Za-z0-9]{0,47}$/;
const OPTION_CODE = /^[a-z0-9][a-z0-9-]{0,47}$/;
const PAGE_SLUG = /^[a-z][a-z0-9-]{0,47}$/;

export const TEXT_LIMITS = { "short-text": 200, "long-text": 1000 } as const;

const optionSchema = z
  .object({
    code: z.string().regex(OPTION_CODE, "An option code must be lower-case letters, digits and hyphens"),
    label: z.string().trim().min(1, "Every option needs a label").max(200),
    hint: z.string().trim().max(300).optional(),
  })
  .strict();
export type QuestionOption = z.infer<typeof optionSchema>;

/** An answer to another question, on this page or an earlier one, that decides something about this one. */
const whenSchema = z
  .object({
    question: z.string().regex(CODE),
    oneOf: z.array(z.string()).min(1),
  })
  .strict();
export type AnswerCondition = z.infer<typeof whenSchema>;

const questionSchema = z
  .object({
    code: z.string().regex(CODE, "A question code must start with a lower-case letter and use only letters and digits"),
    kind: z.enum(QUESTION_KINDS),
    label: z.string().trim().min(1, "Every question needs its wording").max(500),
    hint: z.string().trim().max(1000).optional(),
    /** The few words that stand for the question on check-your-answers, in filters and in exports. */
    shortLabel: z.string().trim().min(1).max(80),
    required: z.boolean(),
    /** Choices, in order (yes-no questions have Yes and No, written out so they can be reworded). */
    options: z.array(optionSchema).optional(),
    /** Asked only when an earlier answer is one of these; otherwise the answer is not kept. */
    showWhen: whenSchema
      .extend({
        /** Shown above the question when scripts are off and every question shows, e.g. "Only if …". */
        hint: z.string().trim().max(300).optional(),
      })
      .strict()
      .optional(),
    /** Required only when an earlier answer is one of these (the question shows in any case). */
    requiredWhen: whenSchema.optional(),
    /** Number questions: the smallest and largest answers accepted. */
    min: z.number().int().optional(),
    max: z.number().int().optional(),
    /** Yes-no and short choices may sit side by side. */
    inline: z.boolean().optional(),
    /** Text questions: the most characters accepted, when fewer than the kind allows (200 short, 1000 long). */
    maxLength: z.number().int().min(1).max(1000).optional(),
    /** Text questions: the input's width in characters, when it should be narrower than the column. */
    width: z.number().int().min(2).max(30).optional(),
    /** Browser autofill hint for text questions, such as "organization". */
    autocomplete: z.string().max(40).optional(),
    /** The team's own words for the errors; sensible ones are made from the short label otherwise. */
    messages: z
      .object({
        required: z.string().trim().min(1).max(300).optional(),
        tooLong: z.string().trim().min(1).max(300).optional(),
        invalid: z.string().trim().min(1).max(300).optional(),
        /** When an answer is given although showWhen says the question does not apply. */
        conflict: z.string().trim().min(1).max(300).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type Question = z.infer<typeof questionSchema>;

const pageSchema = z
  .object({
    slug: z.string().regex(PAGE_SLUG, "A page address must be lower-case letters, digits and hyphens"),
    title: z.string().trim().min(1, "Every page needs a title").max(120),
    questions: z.array(questionSchema).min(1, "Every page needs at least one question"),
  })
  .strict();
export type QuestionPage = z.infer<typeof pageSchema>;

/** Structure only; `definitionProblems` checks that the parts fit together. */
const definitionShape = z.object({ pages: z.array(pageSchema).min(1, "Add at least one page of questions") }).strict();

export type QuestionSetDefinition = z.infer<typeof definitionShape>;

/** Every question in page order. */
export function allQuestions(definition: QuestionSetDefinition): Question[] {
  return definition.pages.flatMap((page) => page.questions);
}

/**
 * What is wrong with a definition, in words that name the problem, or nothing. Checked before a version is
 * saved or published, so a broken set never reaches a registration page.
 */
export function definitionProblems(definition: QuestionSetDefinition): string[] {
  const problems: string[] = [];
  const seenCodes = new Set<string>();
  const seenSlugs = new Set<string>();
  const earlier = new Map<string, Question>();
  for (const page of definition.pages) {
    if (seenSlugs.has(page.slug)) problems.push(`Two pages have the address "${page.slug}". Give each page its own.`);
    if ((RESERVED_PAGE_SLUGS as readonly string[]).includes(page.slug)) {
      problems.push(`The page address "${page.slug}" is used by the registration journey itself. Choose another.`);
    }
    seenSlugs.add(page.slug);
    for (const q of page.questions) {
      const name = `"${q.shortLabel}"`;
      if (seenCodes.has(q.code)) problems.push(`Two questions have the code "${q.code}". Give each question its own.`);
      if ((RESERVED_CODES as readonly string[]).includes(q.code)) {
        problems.push(`The code "${q.code}" of ${name} is used by the registration journey itself. Choose another.`);
      }
      seenCodes.add(q.code);
      const isChoice = CHOICE_KINDS.includes(q.kind);
      if (isChoice) {
        const options = q.options ?? [];
        if (options.length === 0) problems.push(`${name} has no options. Add at least one.`);
        if (q.kind === "yes-no" && options.map((o) => o.code).join(",") !== "yes,no") {
          problems.push(`${name} is a yes or no question, so its options must be "yes" then "no".`);
        }
        const codes = options.map((o) => o.code);
        for (const code of new Set(codes.filter((c, i) => codes.indexOf(c) !== i))) {
          problems.push(`${name} has two options with the code "${code}". Give each option its own.`);
        }
      } else if (q.options && q.options.length > 0) {
        problems.push(`${name} is not a choice question, so it cannot have options.`);
      }
      if ((q.min !== undefined || q.max !== undefined) && q.kind !== "number") {
        problems.push(`${name} is not a number question, so it cannot have a smallest or largest answer.`);
      }
      if (q.min !== undefined && q.max !== undefined && q.min > q.max) {
        problems.push(`${name} has a smallest answer greater than its largest.`);
      }
      for (const [key, when] of [
        ["showWhen", q.showWhen],
        ["requiredWhen", q.requiredWhen],
      ] as const) {
        if (!when) continue;
        const other = earlier.get(when.question);
        const rule = key === "showWhen" ? "is asked only after" : "is required only after";
        if (!other) {
          problems.push(`${name} ${rule} the question "${when.question}", which is not an earlier question.`);
        } else if (!CHOICE_KINDS.includes(other.kind)) {
          problems.push(`${name} ${rule} "${other.shortLabel}", which is not a choice question.`);
        } else {
          const known = (other.options ?? []).map((o) => o.code);
          const unknown = when.oneOf.filter((code) => !known.includes(code));
          if (unknown.length > 0) {
            problems.push(
              `${name} refers to the answer "${unknown.join('", "')}", which "${other.shortLabel}" does not offer.`,
            );
          }
        }
      }
      earlier.set(q.code, q);
    }
  }
  return problems;
}

/** A definition, checked for shape and for fit; the messages name each problem. */
export const questionSetDefinitionSchema = definitionShape.superRefine((definition, ctx) => {
  for (const message of definitionProblems(definition)) ctx.addIssue({ code: "custom", message });
});

export function findQuestion(definition: QuestionSetDefinition, code: string): Question | undefined {
  return allQuestions(definition).find((q) => q.code === code);
}

export function optionLabel(question: Question, code: string): string {
  return question.options?.find((o) => o.code === code)?.label ?? code;
}
