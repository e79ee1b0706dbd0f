import { dateInWords, questionApplies } from "@/lib/questions/answer-schema";
import { currentCallDefinition } from "@/lib/questions/current-call";
import { optionLabel, type Question, type QuestionSetDefinition } from "@/lib/questions/definition";
import { heardFromOptions, labelOf, regionOptions, workshopFormatOptions } from "./questions";

export type AnswerRow = { field: string; question: string; answer: string };
/** One page's answers; `step` is the page's address (/register/<step>). */
export type AnswerSection = { step: string; title: string; rows: AnswerRow[] };

type Answers = Record<string, unknown>;
type StudyTitle = { slug: string; title: string };

const NOT_GIVEN = "Not given";

function str(answers: Answers, field: string): string | undefined {
  const v = answers[field];
  return typeof v === "string" && v !== "" ? v : undefined;
}

/** One answer in words: option labels (several choices one per line), dates as "27 March 2024". */
export function answerInWords(question: Question, value: unknown): string {
  if (value === undefined || value === null || value === "") return NOT_GIVEN;
  switch (question.kind) {
    case "yes-no":
    case "one-choice":
      return typeof value === "string" ? optionLabel(question, value) : NOT_GIVEN;
    case "several-choices": {
      const codes = Array.isArray(value) ? value.map(String) : [String(value)];
      return codes.length > 0 ? codes.map((c) => optionLabel(question, c)).join("\n") : NOT_GIVEN;
    }
    case "date":
      return typeof value === "string" ? dateInWords(value) : NOT_GIVEN;
    case "number":
      return String(value);
    case "short-text":
    case "long-text":
      return typeof value === "string" ? value : NOT_GIVEN;
  }
}

/** The generated pages' sections: each question by its short label, leaving out those that did not apply. */
export function questionSetSections(definition: QuestionSetDefinition, answers: Answers): AnswerSection[] {
  return definition.pages.map((page) => ({
    step: page.slug,
    title: page.title,
    rows: page.questions
      .filter((q) => questionApplies(q, answers))
      .map((q) => ({ field: q.code, question: q.shortLabel, answer: answerInWords(q, answers[q.code]) })),
  }));
}

/**
 * The answers in words, grouped by step, as people see them on the check-your-answers page: "About you",
 * the pages of the question sets answered (the call's when none are named, as before question sets), and
 * "Taking part". Questions that did not apply (e.g. workshop format without the workshops) are left out.
 */
export function summariseAnswers(
  answers: Answers,
  studies: readonly StudyTitle[],
  sets: readonly QuestionSetDefinition[] = [currentCallDefinition],
  options: { studyChoiceStep?: string } = {},
): AnswerSection[] {
  const chosen = Array.isArray(answers.studies) ? (answers.studies as string[]) : [];
  const studiesRow: AnswerRow = {
    field: "studies",
    question: "Studies",
    answer:
      studies
        .filter((s) => chosen.includes(s.slug))
        .map((s) => s.title)
        .join("\n") || NOT_GIVEN,
  };
  const studyChoiceStep = options.studyChoiceStep ?? "taking-part";
  const aboutYou: AnswerSection = {
    step: "about-you",
    title: "About you",
    rows: [
      { field: "fullName", question: "Full name", answer: str(answers, "fullName") ?? NOT_GIVEN },
      { field: "email", question: "Email address", answer: str(answers, "email") ?? NOT_GIVEN },
      { field: "phone", question: "Phone number", answer: str(answers, "phone") ?? NOT_GIVEN },
    ],
  };
  const chooseStudies: AnswerSection[] =
    studyChoiceStep === "choose-studies"
      ? [{ step: "choose-studies", title: "Choose studies", rows: [studiesRow] }]
      : [];
  const takingPartRows: (AnswerRow | null)[] = [
    studyChoiceStep === "taking-part" ? studiesRow : null,
    str(answers, "workshopFormat")
      ? {
          field: "workshopFormat",
          question: "Workshop format",
          answer: labelOf(workshopFormatOptions, str(answers, "workshopFormat")),
        }
      : null,
    str(answers, "workshopRegion")
      ? {
          field: "workshopRegion",
          question: "Region for an in-person workshop",
          answer: labelOf(regionOptions, str(answers, "workshopRegion")),
        }
      : null,
    {
      field: "heardFrom",
      question: "How you heard about the research",
      answer:
        str(answers, "heardFrom") === "other"
          ? (str(answers, "heardFromOther") ?? NOT_GIVEN)
          : labelOf(heardFromOptions, str(answers, "heardFrom")),
    },
    {
      field: "contactConsent",
      question: "Contact about the studies",
      answer: str(answers, "contactConsent") === "yes" ? "Agreed" : NOT_GIVEN,
    },
    {
      field: "privacyAcknowledged",
      question: "Privacy notice",
      answer: str(answers, "privacyAcknowledged") === "yes" ? "Read" : NOT_GIVEN,
    },
  ];
  return [
    aboutYou,
    ...chooseStudies,
    ...sets.flatMap((set) => questionSetSections(set, answers)),
    { step: "taking-part", title: "Taking part", rows: takingPartRows.filter((r): r is AnswerRow => r !== null) },
  ];
}
