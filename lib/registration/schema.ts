import { z } from "zod";
import { heardFrom, participation, regions, staffGroups, workshopFormats, yesNo } from "./questions";

/**
 * The registration form's rules, shared by the browser (react-hook-form's resolver) and the server
 * actions: one source of truth. Values arrive as a browser sends them: strings, a list for the studies,
 * and "yes" (or nothing) for single checkboxes. Messages follow the NHS and GOV.UK style: they say what
 * to do.
 */

export const FIELD_LIMITS = {
  name: 200,
  email: 254,
  phone: 40,
  shortText: 200,
  country: 100,
  years: 50,
  longText: 1000,
} as const;

/** Trims text, and treats an empty or missing answer as no answer at all. */
function blankToUndefined(value: unknown): unknown {
  if (typeof value !== "string") return value === null || value === false ? undefined : value;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f]*$/;
const NO_CONTROL_CHARACTERS_EXCEPT_LINES = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

function requiredText(max: number, missing: string, tooLong: string) {
  return z.preprocess(
    blankToUndefined,
    z
      .string({ error: missing })
      .max(max, tooLong)
      .regex(NO_CONTROL_CHARACTERS, "Remove any special characters, such as tabs"),
  );
}

function optionalText(max: number, tooLong: string, multiline = false) {
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .max(max, tooLong)
      .regex(
        multiline ? NO_CONTROL_CHARACTERS_EXCEPT_LINES : NO_CONTROL_CHARACTERS,
        "Remove any special characters, such as tabs",
      )
      .optional(),
  );
}

function choice<V extends string>(options: [V, ...V[]], missing: string) {
  return z.preprocess(blankToUndefined, z.enum(options, { error: missing }));
}

function optionalChoice<V extends string>(options: [V, ...V[]], invalid: string) {
  return z.preprocess(blankToUndefined, z.enum(options, { error: invalid }).optional());
}

/** A single checkbox that must be ticked: the browser sends "yes", or nothing at all. */
function mustTick(message: string) {
  return z.preprocess((v) => (v === "yes" || v === true ? "yes" : undefined), z.literal("yes", { error: message }));
}

/** Checkboxes sharing a name: nothing, one value or several, depending on the browser and the library. */
function list(value: unknown): unknown {
  if (value === undefined || value === null || value === false || value === "") return [];
  return Array.isArray(value) ? value : [value];
}

// --- Step 1: about you --------------------------------------------------------------------------------

export const aboutYouFields = {
  fullName: requiredText(FIELD_LIMITS.name, "Enter your full name", "Full name must be 200 characters or fewer").refine(
    (v) => /\p{L}/u.test(v),
    "Enter your full name using letters",
  ),
  email: z.preprocess(
    blankToUndefined,
    z
      .string({ error: "Enter your email address" })
      .max(FIELD_LIMITS.email, "Email address must be 254 characters or fewer")
      .pipe(z.email("Enter an email address in the correct format, like name@example.com")),
  ),
  phone: optionalText(FIELD_LIMITS.phone, "Phone number must be 40 characters or fewer").refine(
    (v) => v === undefined || (/^[0-9+()\-.\s]+$/.test(v) && (v.match(/\d/g)?.length ?? 0) >= 7),
    "Enter a phone number, like 07700 900 982 or +44 20 7946 0958",
  ),
  /** Hidden from people; only bots fill it in. */
  website: z.string().max(FIELD_LIMITS.shortText).optional(),
};
export const aboutYouSchema = z.object(aboutYouFields);

// --- Step 2: your work --------------------------------------------------------------------------------

export const yourWorkFields = {
  worksInNhsNow: choice(yesNo, "Select yes if you work in the NHS now"),
  employer: optionalText(FIELD_LIMITS.shortText, "NHS organisation must be 200 characters or fewer"),
  staffGroup: choice(staffGroups, "Select your staff group"),
  jobTitle: requiredText(
    FIELD_LIMITS.shortText,
    "Enter your role or job title",
    "Role or job title must be 200 characters or fewer",
  ),
  region: choice(regions, "Select the region you work in"),
  website: aboutYouFields.website,
};
export const yourWorkSchema = z.object(yourWorkFields).superRefine(refineYourWork);

function refineYourWork(v: { worksInNhsNow?: string; employer?: string }, ctx: z.RefinementCtx): void {
  if (v.worksInNhsNow === "yes" && !v.employer) {
    ctx.addIssue({ code: "custom", path: ["employer"], message: "Enter the NHS trust or organisation you work for" });
  }
}

// --- Step 3: international experience -----------------------------------------------------------------

export const internationalExperienceFields = {
  ihpParticipation: choice(
    participation,
    "Select whether you have taken part in a THET-funded international health partnership",
  ),
  partnershipName: optionalText(FIELD_LIMITS.shortText, "Partnership name must be 200 characters or fewer"),
  partnershipCountry: optionalText(FIELD_LIMITS.country, "Country must be 100 characters or fewer"),
  partnershipYears: optionalText(FIELD_LIMITS.years, "Years must be 50 characters or fewer"),
  otherVolunteering: choice(participation, "Select whether you have done other international volunteering"),
  introducedLearning: choice(
    yesNo,
    "Select yes if you have had the opportunity to introduce learning from your placement into the NHS",
  ),
  learningDescription: optionalText(FIELD_LIMITS.longText, "Description must be 1000 characters or fewer", true),
  website: aboutYouFields.website,
};
export const internationalExperienceSchema = z
  .object(internationalExperienceFields)
  .superRefine(refineInternationalExperience);

function refineInternationalExperience(
  v: { ihpParticipation?: string; partnershipName?: string; partnershipCountry?: string; partnershipYears?: string },
  ctx: z.RefinementCtx,
): void {
  if (v.ihpParticipation === "never") {
    // Contradictory answers are pointed out, not silently dropped: the person may have ticked the wrong box.
    const details = [
      ["partnershipName", "the partnership name"],
      ["partnershipCountry", "the country"],
      ["partnershipYears", "the years"],
    ] as const;
    for (const [field, words] of details) {
      if (v[field]) {
        ctx.addIssue({
          code: "custom",
          path: [field],
          message: `You said you have never taken part in a THET-funded partnership. Delete ${words}, or change your answer`,
        });
      }
    }
  } else if (v.ihpParticipation === "current" || v.ihpParticipation === "past") {
    if (!v.partnershipName) {
      ctx.addIssue({ code: "custom", path: ["partnershipName"], message: "Enter the name of the partnership" });
    }
    if (!v.partnershipCountry) {
      ctx.addIssue({ code: "custom", path: ["partnershipCountry"], message: "Enter the country of the partnership" });
    }
  }
}

// --- Step 4: taking part ------------------------------------------------------------------------------

/** What the taking-part step needs to know about the studies on offer. */
export type StudyChoice = { slug: string; kind: "INTERVIEW" | "WORKSHOP" };

export function takingPartFields(studies: readonly StudyChoice[]) {
  const slugs = studies.map((s) => s.slug);
  return {
    studies: z.preprocess(
      list,
      z
        .array(z.string().max(64))
        .min(1, "Select at least one study you are interested in")
        .max(slugs.length || 1)
        .refine((chosen) => chosen.every((s) => slugs.includes(s)), "Select from the studies listed"),
    ),
    workshopFormat: optionalChoice(workshopFormats, "Select how you would like to attend a workshop"),
    workshopRegion: optionalChoice(regions, "Select a region from the list"),
    heardFrom: choice(heardFrom, "Select how you heard about the research"),
    heardFromOther: optionalText(FIELD_LIMITS.shortText, "Where you heard must be 200 characters or fewer"),
    contactConsent: mustTick("Confirm that the study team may contact you about the studies you chose"),
    privacyAcknowledged: mustTick("Confirm that you have read the privacy notice"),
    website: aboutYouFields.website,
  };
}

function refineTakingPart(studies: readonly StudyChoice[]) {
  const workshopSlugs = studies.filter((s) => s.kind === "WORKSHOP").map((s) => s.slug);
  return (
    v: {
      studies?: string[];
      workshopFormat?: string;
      workshopRegion?: string;
      heardFrom?: string;
      heardFromOther?: string;
    },
    ctx: z.RefinementCtx,
  ): void => {
    const wantsWorkshop = (v.studies ?? []).some((s) => workshopSlugs.includes(s));
    if (wantsWorkshop && !v.workshopFormat) {
      ctx.addIssue({
        code: "custom",
        path: ["workshopFormat"],
        message: "Select how you would like to attend a workshop",
      });
    }
    if (wantsWorkshop && v.workshopFormat && v.workshopFormat !== "online" && !v.workshopRegion) {
      ctx.addIssue({
        code: "custom",
        path: ["workshopRegion"],
        message: "Select the region where you could attend a workshop in person",
      });
    }
    if (v.heardFrom === "other" && !v.heardFromOther) {
      ctx.addIssue({ code: "custom", path: ["heardFromOther"], message: "Tell us where you heard about the research" });
    }
  };
}

/** Schemas depend only on which studies are offered; building one costs more than using it, so keep them. */
function memoByStudies<T>(build: (studies: readonly StudyChoice[]) => T): (studies: readonly StudyChoice[]) => T {
  const cache = new Map<string, T>();
  return (studies) => {
    const key = studies.map((s) => `${s.slug}:${s.kind}`).join("|");
    let schema = cache.get(key);
    if (!schema) {
      schema = build(studies);
      cache.set(key, schema);
    }
    return schema;
  };
}

export const takingPartSchema = memoByStudies((studies) =>
  z.object(takingPartFields(studies)).superRefine(refineTakingPart(studies)),
);

// --- The whole registration ---------------------------------------------------------------------------

/** Every answer together, as checked once more on the final submit. */
export const registrationSchema = memoByStudies((studies) =>
  z
    .object({ ...aboutYouFields, ...yourWorkFields, ...internationalExperienceFields, ...takingPartFields(studies) })
    .superRefine((v, ctx) => {
      refineYourWork(v, ctx);
      refineInternationalExperience(v, ctx);
      refineTakingPart(studies)(v, ctx);
    })
    .transform(({ website: _website, ...answers }) => {
      // Answers to questions that do not apply are not kept (e.g. workshop format without the workshops).
      const workshopSlugs = studies.filter((s) => s.kind === "WORKSHOP").map((s) => s.slug);
      const wantsWorkshop = answers.studies.some((s) => workshopSlugs.includes(s));
      return {
        ...answers,
        workshopFormat: wantsWorkshop ? answers.workshopFormat : undefined,
        workshopRegion: wantsWorkshop && answers.workshopFormat !== "online" ? answers.workshopRegion : undefined,
        heardFromOther: answers.heardFrom === "other" ? answers.heardFromOther : undefined,
      };
    }),
);

export type RegistrationAnswers = z.output<ReturnType<typeof registrationSchema>>;

// --- The steps ----------------------------------------------------------------------------------------

export const registrationSteps = [
  { slug: "about-you", title: "About you", fields: Object.keys(aboutYouFields) },
  { slug: "your-work", title: "Your work", fields: Object.keys(yourWorkFields) },
  {
    slug: "international-experience",
    title: "Your international experience",
    fields: Object.keys(internationalExperienceFields),
  },
  { slug: "taking-part", title: "Taking part", fields: Object.keys(takingPartFields([])) },
] as const;

export type RegistrationStepSlug = (typeof registrationSteps)[number]["slug"];

export function stepSchema(step: RegistrationStepSlug, studies: readonly StudyChoice[]) {
  switch (step) {
    case "about-you":
      return aboutYouSchema;
    case "your-work":
      return yourWorkSchema;
    case "international-experience":
      return internationalExperienceSchema;
    case "taking-part":
      return takingPartSchema(studies);
  }
}

export function isStepSlug(value: string): value is RegistrationStepSlug {
  return registrationSteps.some((s) => s.slug === value);
}
