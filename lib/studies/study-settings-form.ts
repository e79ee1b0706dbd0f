import { z } from "zod";

/**
 * The study settings form, as posted (every value a string), and what it becomes. One schema for the
 * server action and any client-side check. Messages follow the GOV.UK pattern: say what to do.
 */
const optionalWholeNumber = (what: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .refine((v) => v === "" || /^\d+$/.test(v), `Enter ${what} as a whole number, like 12, or leave it empty`)
    .transform((v) => (v === "" ? null : Number(v)))
    .refine(
      (v) => v === null || (v >= min && v <= max),
      `${what[0]!.toUpperCase()}${what.slice(1)} must be between ${min} and ${max}`,
    );

/** A number that must be given: `enter` says what to type, `range` what is allowed. */
const wholeNumber = (enter: string, range: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .refine((v) => /^\d+$/.test(v), enter)
    .transform(Number)
    .refine((v) => v >= min && v <= max, range);

export const studySettingsFormSchema = z
  .object({
    status: z.enum(["DRAFT", "RECRUITING", "CLOSED"], "Choose the study's status"),
    targetMin: optionalWholeNumber("the smallest number of participants", 1, 100_000),
    targetMax: optionalWholeNumber("the largest number of participants", 1, 100_000),
    invitationMode: z.enum(["AUTOMATIC", "AFTER_TRIAGE"], "Choose how eligible people are invited"),
    consentRequired: z
      .enum(["yes", "no"], "Choose whether people must sign a consent form")
      .transform((v) => v === "yes"),
    considerationPeriodHours: z
      .string()
      .trim()
      .refine((v) => /^\d+$/.test(v), "Enter the time to consider in hours as a whole number, like 24 (0 for none)")
      .transform(Number)
      .refine((v) => v <= 720, "The time to consider must be 720 hours (30 days) or less"),
    reminderAfterDays: optionalWholeNumber("the number of days before a reminder", 1, 365),
    retentionDays: optionalWholeNumber("the retention period in days", 1, 36_500),
    // The ranges are the database's CHECKs, so a value the form accepts is one the database stores.
    interviewBookingCutoffHours: wholeNumber(
      "Enter the hours before an interview as a whole number, like 24 (0 lets people change it until it starts)",
      "The hours before an interview must be between 0 and 336 (14 days)",
      0,
      336,
    ),
    workshopOfferHours: wholeNumber(
      "Enter the hours to accept an offered workshop place as a whole number, like 48",
      "The hours to accept an offered workshop place must be between 1 and 336 (14 days)",
      1,
      336,
    ),
    contactName: z
      .string()
      .trim()
      .min(1, "Enter the name of the study's contact")
      .max(200, "The contact's name must be 200 characters or fewer"),
    contactEmail: z
      .string()
      .trim()
      .min(1, "Enter the contact's email address")
      .max(254, "The contact's email address must be 254 characters or fewer")
      .pipe(z.email("Enter the contact's email address in the correct format, like name@imperial.ac.uk")),
    /** The settings' version the form was opened with (updatedAt), to catch two people editing at once. */
    expectedUpdatedAt: z.iso.datetime("Reload the page and try again"),
  })
  .superRefine((s, ctx) => {
    if (s.targetMax === null && s.targetMin !== null) {
      ctx.addIssue({
        code: "custom",
        path: ["targetMax"],
        message: "Enter the largest number of participants as well as the smallest",
      });
    }
    if (s.targetMin !== null && s.targetMax !== null && s.targetMin > s.targetMax) {
      ctx.addIssue({
        code: "custom",
        path: ["targetMin"],
        message: "The smallest number of participants must not be more than the largest",
      });
    }
  });

export type StudySettingsFormValues = z.input<typeof studySettingsFormSchema>;
export type StudySettings = Omit<z.output<typeof studySettingsFormSchema>, "expectedUpdatedAt">;

/** The settings themselves, in the schema's order: every field but the version the form was opened with. */
type SettingsField = keyof typeof studySettingsFormSchema.shape;
export const studySettingsFields = (Object.keys(studySettingsFormSchema.shape) as SettingsField[]).filter(
  (field): field is Exclude<SettingsField, "expectedUpdatedAt"> => field !== "expectedUpdatedAt",
) satisfies (keyof StudySettings)[];

/** A study's slug as it may appear in an address: checked before any query. */
export const studySlugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);

/** A stored study's settings as the form shows them, with the version they were read at. */
export function settingsFormValues(study: StudySettings & { updatedAt: Date }): Record<string, string> {
  return {
    status: study.status,
    targetMin: study.targetMin?.toString() ?? "",
    targetMax: study.targetMax?.toString() ?? "",
    invitationMode: study.invitationMode,
    consentRequired: study.consentRequired ? "yes" : "no",
    considerationPeriodHours: String(study.considerationPeriodHours),
    reminderAfterDays: study.reminderAfterDays?.toString() ?? "",
    retentionDays: study.retentionDays?.toString() ?? "",
    interviewBookingCutoffHours: String(study.interviewBookingCutoffHours),
    workshopOfferHours: String(study.workshopOfferHours),
    contactName: study.contactName,
    contactEmail: study.contactEmail,
    expectedUpdatedAt: study.updatedAt.toISOString(),
  };
}
