import type { QuestionSetDefinition } from "./definition";

/**
 * The screening questions of THET and Imperial's 2026 call for evidence, as the portal asked them before
 * questions became data. Migration 20261204090000_study_builder stores exactly this as version 1 of the
 * call's question set (tests/unit/current-call-definition.test.ts compares the two), so every earlier
 * submission points at the wording it answered. Change the call's questions in the dashboard, not here.
 */

export const CURRENT_CALL_QUESTION_SET = {
  slug: "bi-directional-learning-2026",
  title: "Bi-directional learning in international health partnerships (2026 call)",
} as const;

const participation = [
  { code: "current", label: "Yes, I am taking part now" },
  { code: "past", label: "Yes, I have taken part in the past" },
  { code: "never", label: "No, never" },
];

const yesNo = [
  { code: "yes", label: "Yes" },
  { code: "no", label: "No" },
];

const tookPart = { question: "ihpParticipation", oneOf: ["current", "past"] };

export const currentCallDefinition: QuestionSetDefinition = {
  pages: [
    {
      slug: "your-work",
      title: "Your work",
      questions: [
        {
          code: "worksInNhsNow",
          kind: "yes-no",
          label: "Do you work in the NHS now?",
          shortLabel: "Works in the NHS now",
          required: true,
          inline: true,
          options: yesNo,
          messages: { required: "Select yes if you work in the NHS now" },
        },
        {
          code: "employer",
          kind: "short-text",
          label: "Which NHS trust or organisation do you work for?",
          hint: "For example, Leeds Teaching Hospitals NHS Trust. If you no longer work in the NHS, you can leave this empty.",
          shortLabel: "NHS trust or organisation",
          required: false,
          requiredWhen: { question: "worksInNhsNow", oneOf: ["yes"] },
          autocomplete: "organization",
          messages: {
            required: "Enter the NHS trust or organisation you work for",
            tooLong: "NHS organisation must be 200 characters or fewer",
          },
        },
        {
          code: "staffGroup",
          kind: "one-choice",
          label: "Which staff group are you in?",
          shortLabel: "Staff group",
          required: true,
          options: [
            { code: "doctor", label: "Doctor or dentist" },
            { code: "nurse", label: "Nurse or health visitor" },
            { code: "midwife", label: "Midwife" },
            {
              code: "allied-health-professional",
              label: "Allied health professional",
              hint: "For example, physiotherapist, paramedic, radiographer or dietitian",
            },
            { code: "healthcare-scientist", label: "Healthcare scientist" },
            { code: "pharmacy", label: "Pharmacist or pharmacy technician" },
            { code: "clinical-support", label: "Healthcare assistant or other clinical support" },
            { code: "management-administration", label: "Manager or administrator" },
            { code: "other", label: "Another staff group" },
          ],
          messages: { required: "Select your staff group" },
        },
        {
          code: "jobTitle",
          kind: "short-text",
          label: "What is your role or job title?",
          hint: "For example, ward sister or consultant anaesthetist.",
          shortLabel: "Role or job title",
          required: true,
          autocomplete: "organization-title",
          messages: {
            required: "Enter your role or job title",
            tooLong: "Role or job title must be 200 characters or fewer",
          },
        },
        {
          code: "region",
          kind: "one-choice",
          label: "Which region do you work in?",
          shortLabel: "Region",
          required: true,
          options: [
            { code: "london", label: "London" },
            { code: "south-east", label: "South East" },
            { code: "south-west", label: "South West" },
            { code: "east-of-england", label: "East of England" },
            { code: "midlands", label: "Midlands" },
            { code: "north-west", label: "North West" },
            { code: "north-east-yorkshire", label: "North East and Yorkshire" },
            { code: "scotland", label: "Scotland" },
            { code: "wales", label: "Wales" },
            { code: "northern-ireland", label: "Northern Ireland" },
          ],
          messages: { required: "Select the region you work in" },
        },
      ],
    },
    {
      slug: "international-experience",
      title: "Your international experience",
      questions: [
        {
          code: "ihpParticipation",
          kind: "one-choice",
          label: "Have you taken part in a THET-funded international health partnership?",
          hint: "An international health partnership (IHP) links a UK health institution with one in another country. Include partnerships funded by THET through programmes such as the Health Partnership Scheme.",
          shortLabel: "THET-funded international health partnership",
          required: true,
          options: participation,
          messages: {
            required: "Select whether you have taken part in a THET-funded international health partnership",
          },
        },
        {
          code: "partnershipName",
          kind: "short-text",
          label: "Name of the partnership",
          hint: "For example, the names of the UK and partner institutions.",
          shortLabel: "Partnership",
          required: true,
          showWhen: { ...tookPart, hint: "Only if you have taken part in a THET-funded partnership." },
          messages: {
            required: "Enter the name of the partnership",
            tooLong: "Partnership name must be 200 characters or fewer",
            conflict:
              "You said you have never taken part in a THET-funded partnership. Delete the partnership name, or change your answer",
          },
        },
        {
          code: "partnershipCountry",
          kind: "short-text",
          label: "Country of the partner institution",
          shortLabel: "Country",
          required: true,
          showWhen: { ...tookPart, hint: "Only if you have taken part in a THET-funded partnership." },
          autocomplete: "off",
          maxLength: 100,
          messages: {
            required: "Enter the country of the partnership",
            tooLong: "Country must be 100 characters or fewer",
            conflict:
              "You said you have never taken part in a THET-funded partnership. Delete the country, or change your answer",
          },
        },
        {
          code: "partnershipYears",
          kind: "short-text",
          label: "Years you took part (optional)",
          hint: "For example, 2018 to 2020.",
          shortLabel: "Years",
          required: false,
          width: 20,
          maxLength: 50,
          showWhen: { ...tookPart, hint: "Only if you have taken part in a THET-funded partnership." },
          messages: {
            tooLong: "Years must be 50 characters or fewer",
            conflict:
              "You said you have never taken part in a THET-funded partnership. Delete the years, or change your answer",
          },
        },
        {
          code: "otherVolunteering",
          kind: "one-choice",
          label: "Have you done other international volunteering?",
          hint: "Health-related volunteering in another country that was not part of a THET-funded partnership.",
          shortLabel: "Other international volunteering",
          required: true,
          options: participation,
          messages: { required: "Select whether you have done other international volunteering" },
        },
        {
          code: "introducedLearning",
          kind: "yes-no",
          label:
            "Have you had the opportunity to introduce learning from your international placement into your NHS work?",
          shortLabel: "Introduced learning into the NHS",
          required: true,
          inline: true,
          options: yesNo,
          messages: {
            required:
              "Select yes if you have had the opportunity to introduce learning from your placement into the NHS",
          },
        },
        {
          code: "learningDescription",
          kind: "long-text",
          label: "Briefly, what did you introduce? (optional)",
          hint: "A sentence or two is enough. Do not include any patient information.",
          shortLabel: "What you introduced",
          required: false,
          messages: { tooLong: "Description must be 1000 characters or fewer" },
        },
      ],
    },
  ],
};
