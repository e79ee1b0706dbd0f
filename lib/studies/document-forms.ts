import { z } from "zod";
import { isIsoDay } from "@/lib/text/uk-day";

/**
 * The forms for drafting a study's documents, as posted (strings), one schema each, used by the server
 * actions. A version label is free text (the ethics committee's own, like "2.1" or "v3 final"), unique in
 * its study.
 */
const version = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${what}'s version, like 2.0`)
    .max(32, "The version must be 32 characters or fewer")
    .regex(
      /^[\p{L}\p{N}][\p{L}\p{N} ._\-/]*$/u,
      "The version can only use letters, numbers, spaces, full stops, hyphens, underscores and slashes",
    );

const versionDate = (what: string) =>
  z
    .string()
    .trim()
    .refine(isIsoDay, `Enter the date of this version of the ${what}`)
    .transform((day) => new Date(`${day}T00:00:00Z`));

const title = (what: string) =>
  z.string().trim().min(1, `Enter the ${what}'s title`).max(200, "The title must be 200 characters or fewer");

export const informationSheetFormSchema = z.object({
  version: version("information sheet"),
  versionDate: versionDate("information sheet"),
  title: title("information sheet"),
  content: z
    .string()
    .transform((text) => text.replace(/\r\n?/g, "\n").trim())
    .pipe(
      z
        .string()
        .min(1, "Enter the information sheet's text")
        .max(100_000, "The text must be 100,000 characters or fewer"),
    ),
});
export type InformationSheetInput = z.output<typeof informationSheetFormSchema>;

export const consentFormDetailsSchema = z.object({
  version: version("consent form"),
  versionDate: versionDate("consent form"),
  title: title("consent form"),
  informationSheetId: z.uuid("Choose the information sheet this form asks people to confirm they have read"),
});
export type ConsentFormDetailsInput = z.output<typeof consentFormDetailsSchema>;

export const newConsentFormSchema = consentFormDetailsSchema.extend({
  copyStatements: z
    .string()
    .optional()
    .transform((v) => v === "yes"),
});

export const consentStatementFormSchema = z.object({
  text: z
    .string()
    .transform((t) => t.replace(/\s+/g, " ").trim())
    .pipe(z.string().min(1, "Enter the statement").max(2000, "The statement must be 2,000 characters or fewer")),
  required: z
    .enum(["yes", "no"], "Choose whether people must agree to this statement to take part")
    .transform((v) => v === "yes"),
  key: z
    .string()
    .trim()
    .min(1, "Enter a key for the statement, like recording")
    .max(64, "The key must be 64 characters or fewer")
    .regex(
      /^[a-z][a-z0-9-]*$/,
      "The key can only use lower-case letters, numbers and hyphens, and must start with a letter, like recording",
    ),
});
export type ConsentStatementInput = z.output<typeof consentStatementFormSchema>;

/** A date stored as a calendar day (midnight UTC), back to what a date input shows. */
export function isoDayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}
