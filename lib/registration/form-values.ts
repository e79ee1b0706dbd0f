/** What a step's server action sends back to its page: the errors to show, and the answers to keep. */
export type FormState = { errors: Record<string, string>; values: Record<string, unknown> } | null;

/** Fields whose boxes share one name, so a browser sends each ticked value separately. */
const LIST_FIELDS = new Set(["studies"]);

/**
 * The values of a step's fields, as the browser posted them. Other fields (including anything an attacker
 * adds) are ignored; files are never expected, so they are dropped.
 */
export function formValues(formData: FormData, fields: readonly string[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    if (LIST_FIELDS.has(field)) {
      values[field] = formData.getAll(field).filter((v): v is string => typeof v === "string");
    } else {
      const value = formData.get(field);
      if (typeof value === "string") values[field] = value;
    }
  }
  return values;
}
