import { CHOICE_KINDS, type Question } from "@/lib/questions/definition";
import type { EligibilityAnswers } from "./rules";

/**
 * The answers a researcher types into "Test these rules", as the answers eligibility is decided on: option
 * codes (one, or a list for several choices), numbers as numbers, dates as YYYY-MM-DD, text as text. An
 * answer left empty is not given. Only the study's questions are read, and an answer a question does not
 * offer is dropped. Pure.
 *
 * A stop-gap: when lib/questions/answer-schema.ts (answers checked per question) is merged, the panel
 * should use it instead, so the test reads answers exactly as registration does.
 */
export type TestAnswersResult = { answers: EligibilityAnswers; errors: Record<string, string> };

export const testAnswerField = (code: string) => `test-${code}`;

export function testAnswersFromForm(
  questions: readonly Question[],
  get: (name: string) => string[],
): TestAnswersResult {
  const answers: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const q of questions) {
    const field = testAnswerField(q.code);
    const posted = get(field).map((v) => v.trim());
    if (CHOICE_KINDS.includes(q.kind)) {
      const known = (q.options ?? []).map((o) => o.code);
      const chosen = [...new Set(posted.filter((v) => known.includes(v)))];
      if (chosen.length === 0) continue;
      answers[q.code] = q.kind === "several-choices" ? chosen : chosen[0];
      continue;
    }
    const text = posted[0] ?? "";
    if (text === "") continue;
    if (q.kind === "number") {
      if (!/^-?\d+(\.\d+)?$/.test(text)) {
        errors[field] = `The answer to “${q.shortLabel}” must be a number`;
        continue;
      }
      answers[q.code] = Number(text);
    } else if (q.kind === "date") {
      const [y, m, d] = text.split("-").map(Number);
      const date = new Date(Date.UTC(y ?? NaN, (m ?? NaN) - 1, d ?? NaN));
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || date.getUTCDate() !== d || date.getUTCMonth() !== m! - 1) {
        errors[field] = `The answer to “${q.shortLabel}” must be a real date, like 2026-03-27`;
        continue;
      }
      answers[q.code] = text;
    } else {
      answers[q.code] = text;
    }
  }
  return { answers, errors };
}

/** The posted test answers as they were typed, to draw the panel again. */
export function testValuesFromForm(
  questions: readonly Question[],
  get: (name: string) => string[],
): Record<string, string[]> {
  return Object.fromEntries(questions.map((q) => [q.code, get(testAnswerField(q.code))]));
}
