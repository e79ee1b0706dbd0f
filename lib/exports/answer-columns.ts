import { CHOICE_KINDS, allQuestions, type Question, type QuestionSetDefinition } from "@/lib/questions/definition";

/**
 * The volunteers export's columns for the screening questions, made from the published question sets in
 * use: one per question (every kind), headed by its short label, holding the person's latest answer
 * (volunteers.screening_answers) in words. Pure.
 */

export type AnswerColumn = {
  code: string;
  header: string;
  /** Every set's question of this code, the first first: their options give the answer's words. */
  questions: Question[];
};

/**
 * One column per question code, in the sets' order and each set's page order (a code asked by several sets
 * is one answer, so one column). A header is the short label, unless an earlier column has it already:
 * then "(screening answer)", else the set's title, else the code is added, so no two columns share a header.
 */
export function answerColumns(
  sets: readonly { title: string; definition: QuestionSetDefinition }[],
  fixedHeaders: readonly string[],
): AnswerColumn[] {
  const taken = new Set(fixedHeaders);
  const byCode = new Map<string, AnswerColumn>();
  for (const set of sets) {
    for (const question of allQuestions(set.definition)) {
      const known = byCode.get(question.code);
      if (known) {
        known.questions.push(question);
        continue;
      }
      const header =
        [
          question.shortLabel,
          `${question.shortLabel} (screening answer)`,
          `${question.shortLabel} (${set.title})`,
          `${question.shortLabel} (${question.code})`,
        ].find((h) => !taken.has(h)) ?? `${question.shortLabel} (${question.code}, ${byCode.size + 1})`;
      taken.add(header);
      byCode.set(question.code, { code: question.code, header, questions: [question] });
    }
  }
  return [...byCode.values()];
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}/;

/**
 * An answer in words: a choice as its option's label (a code no version offers stays as it is), several
 * choices joined with "; ", a date as YYYY-MM-DD, a number or text as given; no answer, an empty cell.
 */
export function answerInWords(column: AnswerColumn, value: unknown): string {
  if (value === undefined || value === null) return "";
  const [question] = column.questions;
  const kind = question?.kind;
  const label = (code: string) => {
    for (const q of column.questions) {
      const option = q.options?.find((o) => o.code === code);
      if (option) return option.label;
    }
    return code;
  };
  const one = (v: unknown): string => {
    if (typeof v === "string") {
      if (kind && CHOICE_KINDS.includes(kind)) return label(v);
      if (kind === "date" && ISO_DAY.test(v)) return v.slice(0, 10);
      return v;
    }
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    return JSON.stringify(v);
  };
  return Array.isArray(value) ? value.map(one).join("; ") : one(value);
}
