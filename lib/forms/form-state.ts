import type { z } from "zod";

/** A posted form's values: text, or a list for the boxes that share one name (each ticked value is sent). */
export type FormValues = Record<string, string | string[]>;

/**
 * What a form's server action answers when it does not redirect, for the page to show: the first error
 * for each field (in the error summary and by the field), an error about the whole form, the values as
 * posted (so nothing typed is lost), and anything else the form shows, like a preview. Null before the
 * first submit, as React's useActionState starts.
 */
export type FormState<Extra extends object = object, Values extends FormValues = Record<string, string>> =
  ({ errors: Record<string, string>; formError?: string; values: Values } & Extra) | null;

/**
 * The named fields of a posted form, and nothing else (so a field someone adds is ignored). A field is
 * text, empty when it was not posted; a `lists` field is every value posted under its name. Files are never
 * expected, so they count as not posted.
 */
export function formValues(formData: FormData, fields: readonly string[]): Record<string, string>;
export function formValues(
  formData: FormData,
  fields: readonly string[],
  options: { lists: readonly string[] },
): FormValues;
export function formValues(
  formData: FormData,
  fields: readonly string[],
  { lists = [] }: { lists?: readonly string[] } = {},
): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    if (lists.includes(field)) {
      values[field] = formData.getAll(field).filter((v): v is string => typeof v === "string");
    } else {
      const value = formData.get(field);
      values[field] = typeof value === "string" ? value : "";
    }
  }
  return values;
}

/**
 * The first message for each field of a failed parse: what the page shows by the field. An issue inside a
 * field (a list's item) belongs to the field; one about the whole form is under "form".
 */
export function firstErrorPerField(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return errors;
}

/**
 * The error summary's items in the order of the form's fields, each linking to its field. Errors for
 * fields not in the order still show, last, rather than being lost.
 */
export function errorSummary(
  errors: Record<string, string>,
  order: readonly string[],
): { href: string; text: string }[] {
  const known = order.filter((f) => errors[f]).map((f) => ({ href: `#${f}`, text: errors[f]! }));
  const others = Object.keys(errors)
    .filter((f) => !order.includes(f))
    .map((f) => ({ href: `#${f}`, text: errors[f]! }));
  return [...known, ...others];
}
