import { CHOICE_KINDS, allQuestions, type QuestionKind, type QuestionSetDefinition } from "@/lib/questions/definition";

/**
 * The volunteers list's filters on screening answers, made from the published question sets: one per
 * choice question (yes-no, one choice, several choices), whose address parameter is the question's code
 * (so ?staffGroup=nurse and ?region=london mean what they always have) and whose choices are its options.
 * A filter tests volunteers.screening_answers with `@>` (containment), which its GIN index answers. Pure.
 */

export type QuestionFilter = {
  /** The question's code: the address parameter and the key in screening_answers. */
  code: string;
  kind: QuestionKind;
  /** The question's short label. */
  label: string;
  options: { value: string; label: string }[];
};

/** A chosen answer: the question's code and one of its option codes. */
export type AnswerFilter = { code: string; value: string; several: boolean };

/**
 * The list's own address parameters. A question whose code is one of these gets no filter, since its
 * parameter would mean two things (codes are checked against the journey's fields, not the list's).
 */
export const LIST_PARAMETERS = [
  "q",
  "study",
  "status",
  "eligibility",
  "country",
  "stage",
  "sort",
  "order",
  "page",
] as const;

/**
 * The filters for these question sets, in the order given and each set's page order. A code asked by
 * more than one set is one filter (the same code is the same key in screening_answers), labelled as the
 * first set words it, with every option any of them offers.
 */
export function questionFilters(definitions: readonly QuestionSetDefinition[]): QuestionFilter[] {
  const byCode = new Map<string, QuestionFilter>();
  for (const definition of definitions) {
    for (const question of allQuestions(definition)) {
      if (!CHOICE_KINDS.includes(question.kind)) continue;
      if ((LIST_PARAMETERS as readonly string[]).includes(question.code)) continue;
      const options = (question.options ?? []).map((o) => ({ value: o.code, label: o.label }));
      const known = byCode.get(question.code);
      if (!known) {
        byCode.set(question.code, { code: question.code, kind: question.kind, label: question.shortLabel, options });
        continue;
      }
      for (const option of options) {
        if (!known.options.some((o) => o.value === option.value)) known.options.push(option);
      }
    }
  }
  return [...byCode.values()];
}

/** The message for an answer in the address that the question does not offer. */
export function unknownAnswerProblem(filter: QuestionFilter): string {
  return `The answer to “${filter.label}” in the address was not recognised, so the list is not filtered by that question.`;
}

/**
 * Reads the filters' parameters (a repeated parameter counts once, by its first value): an answer the
 * question offers is kept, anything else is left out with a message. Parameters that are no question's
 * are not read here.
 */
export function parseAnswerFilters(
  params: Record<string, string | string[] | undefined>,
  filters: readonly QuestionFilter[],
): { answers: AnswerFilter[]; problems: string[] } {
  const answers: AnswerFilter[] = [];
  const problems: string[] = [];
  for (const filter of filters) {
    const raw = params[filter.code];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (!value) continue;
    if (filter.options.some((o) => o.value === value)) {
      answers.push({ code: filter.code, value, several: filter.kind === "several-choices" });
    } else {
      problems.push(unknownAnswerProblem(filter));
    }
  }
  return { answers, problems };
}

/**
 * The JSON that screening_answers must contain for every chosen answer to hold: {"staffGroup":"nurse"},
 * and for a several-choices question {"code":["value"]} (the ticked boxes include that one). Sent to the
 * database as a parameter, never written into the SQL.
 */
export function answersContainment(answers: readonly AnswerFilter[]): Record<string, string | string[]> {
  const containment: Record<string, string | string[]> = {};
  for (const a of answers) containment[a.code] = a.several ? [a.value] : a.value;
  return containment;
}
