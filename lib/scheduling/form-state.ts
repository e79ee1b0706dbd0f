import type { z } from "zod";

/**
 * What a scheduling form's server action answers when it cannot go ahead: an error per field (shown in
 * the error summary and beside the field), or one for the whole form, and the values as typed so that
 * nothing has to be typed again. Null before the first submit.
 */
export type SchedulingFormState = {
  errors: Record<string, string>;
  values: Record<string, string>;
  formError?: string;
} | null;

/** The named fields of a posted form, as strings (absent fields are empty). */
export function formValues(formData: FormData, fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f, typeof formData.get(f) === "string" ? String(formData.get(f)) : ""]));
}

/** The first message for each field of a failed parse. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return errors;
}
