import {
  heardFromOptions,
  labelOf,
  participationOptions,
  regionOptions,
  staffGroupOptions,
  workshopFormatOptions,
  yesNoOptions,
} from "./questions";
import { registrationSteps, type RegistrationStepSlug } from "./schema";

export type AnswerRow = { field: string; question: string; answer: string };
export type AnswerSection = { step: RegistrationStepSlug; title: string; rows: AnswerRow[] };

type Answers = Record<string, unknown>;
type StudyTitle = { slug: string; title: string };

const NOT_GIVEN = "Not given";

function str(answers: Answers, field: string): string | undefined {
  const v = answers[field];
  return typeof v === "string" && v !== "" ? v : undefined;
}

/**
 * The answers in words, grouped by step, as people see them on the check-your-answers page. Questions
 * that did not apply (e.g. workshop format without the workshops) are left out.
 */
export function summariseAnswers(answers: Answers, studies: readonly StudyTitle[]): AnswerSection[] {
  const chosen = Array.isArray(answers.studies) ? (answers.studies as string[]) : [];
  const tookPart = ["current", "past"].includes(str(answers, "ihpParticipation") ?? "");
  const rows: Record<RegistrationStepSlug, (AnswerRow | null)[]> = {
    "about-you": [
      { field: "fullName", question: "Full name", answer: str(answers, "fullName") ?? NOT_GIVEN },
      { field: "email", question: "Email address", answer: str(answers, "email") ?? NOT_GIVEN },
      { field: "phone", question: "Phone number", answer: str(answers, "phone") ?? NOT_GIVEN },
    ],
    "your-work": [
      {
        field: "worksInNhsNow",
        question: "Works in the NHS now",
        answer: labelOf(yesNoOptions, str(answers, "worksInNhsNow")),
      },
      { field: "employer", question: "NHS trust or organisation", answer: str(answers, "employer") ?? NOT_GIVEN },
      { field: "staffGroup", question: "Staff group", answer: labelOf(staffGroupOptions, str(answers, "staffGroup")) },
      { field: "jobTitle", question: "Role or job title", answer: str(answers, "jobTitle") ?? NOT_GIVEN },
      { field: "region", question: "Region", answer: labelOf(regionOptions, str(answers, "region")) },
    ],
    "international-experience": [
      {
        field: "ihpParticipation",
        question: "THET-funded international health partnership",
        answer: labelOf(participationOptions, str(answers, "ihpParticipation")),
      },
      tookPart
        ? { field: "partnershipName", question: "Partnership", answer: str(answers, "partnershipName") ?? NOT_GIVEN }
        : null,
      tookPart
        ? { field: "partnershipCountry", question: "Country", answer: str(answers, "partnershipCountry") ?? NOT_GIVEN }
        : null,
      tookPart
        ? { field: "partnershipYears", question: "Years", answer: str(answers, "partnershipYears") ?? NOT_GIVEN }
        : null,
      {
        field: "otherVolunteering",
        question: "Other international volunteering",
        answer: labelOf(participationOptions, str(answers, "otherVolunteering")),
      },
      {
        field: "introducedLearning",
        question: "Introduced learning into the NHS",
        answer: labelOf(yesNoOptions, str(answers, "introducedLearning")),
      },
      {
        field: "learningDescription",
        question: "What you introduced",
        answer: str(answers, "learningDescription") ?? NOT_GIVEN,
      },
    ],
    "taking-part": [
      {
        field: "studies",
        question: "Studies",
        answer:
          studies
            .filter((s) => chosen.includes(s.slug))
            .map((s) => s.title)
            .join("\n") || NOT_GIVEN,
      },
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
    ],
  };
  return registrationSteps.map((step) => ({
    step: step.slug,
    title: step.title,
    rows: rows[step.slug].filter((r): r is AnswerRow => r !== null),
  }));
}
