import { z } from "zod";
import { answerSchemaParts, asList, blankToUndefined } from "@/lib/questions/answer-schema";
import { currentCallDefinition } from "@/lib/questions/current-call";
import type { QuestionSetDefinition } from "@/lib/questions/definition";
import { heardFrom, regions, workshopFormats } from "./questions";

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

// --- The last step: taking part (and, when several question sets recruit, choosing the studies) --- ------------------------------------------------------------------------------

/** What the taking-part step needs to know about the studies on offer. */
export type StudyChoice = { slug: string; kind: "INTERVIEW" | "WORKSHOP" };

/** Which studies the person is interested in: on "Taking part", or on its own page when sets differ. */
export function studiesField(studies: readonly StudyChoice[]) {
  const slugs = studies.map((s) => s.slug);
  return z.preprocess(
    asList,
    z
      .array(z.string().max(64))
      .min(1, "Select at least one study you are interested in")
      .max(slugs.length || 1)
      .refine((chosen) => chosen.every((s) => slugs.includes(s)), "Select from the studies listed"),
  );
}

export function takingPartFields(studies: readonly StudyChoice[]) {
  return {
    studies: studiesField(studies),
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

/**
 * "Taking part" when the studies were chosen on their own page (several question sets recruiting): the
 * same questions less the study choice, which it reads from the answers saved before (to know whether
 * the workshops were chosen) and does not save again.
 */
export const takingPartWithoutStudiesSchema = memoByStudies((studies) => {
  const { studies: _studies, ...fields } = takingPartFields(studies);
  return z
    .object({ ...fields, studies: z.preprocess(asList, z.array(z.unknown())).optional() })
    .superRefine((v, ctx) => refineTakingPart(studies)({ ...v, studies: (v.studies ?? []).map(String) }, ctx))
    .transform(({ studies: _chosen, ...answers }) => answers);
});

/** The study choice on its own page (several question sets recruiting). */
export const chooseStudiesSchema = memoByStudies((studies) =>
  z.object({ studies: studiesField(studies), website: aboutYouFields.website }),
);

// --- The whole registration ---------------------------------------------------------------------------

/** The journey's own answers; the screening answers sit beside them under their question codes. */
export type FixedAnswers = {
  fullName: string;
  email: string;
  phone?: string;
  studies: string[];
  workshopFormat?: string;
  workshopRegion?: string;
  heardFrom: string;
  heardFromOther?: string;
  contactConsent: "yes";
  privacyAcknowledged: "yes";
};

export type RegistrationAnswers = FixedAnswers & Record<string, unknown>;

const wholeCache = new Map<string, z.ZodType<RegistrationAnswers>>();

/**
 * Every answer together, as checked once more on the final submit: the fixed steps' fields and the
 * questions of these sets (the sets the person answered; the call's set when none is named, as before
 * question sets).
 */
export function registrationSchema(
  studies: readonly StudyChoice[],
  sets: readonly QuestionSetDefinition[] = [currentCallDefinition],
): z.ZodType<RegistrationAnswers> {
  const key = `${studies.map((s) => `${s.slug}:${s.kind}`).join("|")}#${JSON.stringify(sets)}`;
  const cached = wholeCache.get(key);
  if (cached) return cached;
  const parts = answerSchemaParts(sets.flatMap((set) => set.pages.flatMap((page) => page.questions)));
  const schema = z
    .object({ ...aboutYouFields, ...parts.fields, ...takingPartFields(studies) })
    .superRefine((v, ctx) => {
      parts.refine(v, ctx);
      refineTakingPart(studies)(v, ctx);
    })
    .transform((v) => {
      const { website: _website, ...answers } = parts.keep(v) as typeof v;
      // Answers to questions that do not apply are not kept (e.g. workshop format without the workshops).
      const workshopSlugs = studies.filter((s) => s.kind === "WORKSHOP").map((s) => s.slug);
      const wantsWorkshop = answers.studies.some((s) => workshopSlugs.includes(s));
      return {
        ...answers,
        workshopFormat: wantsWorkshop ? answers.workshopFormat : undefined,
        workshopRegion: wantsWorkshop && answers.workshopFormat !== "online" ? answers.workshopRegion : undefined,
        heardFromOther: answers.heardFrom === "other" ? answers.heardFromOther : undefined,
      } as RegistrationAnswers;
    }) as unknown as z.ZodType<RegistrationAnswers>;
  if (wholeCache.size > 50) wholeCache.clear();
  wholeCache.set(key, schema);
  return schema;
}
