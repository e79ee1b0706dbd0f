import { formValues, type FormValues } from "@/lib/forms/form-state";

/** Fields whose boxes share one name, so a browser sends each ticked value separately. */
const LIST_FIELDS = ["studies"];

/**
 * A step's answers as the browser posted them, for its fields only. A field not posted (a question the page
 * hid after another answer, a box not ticked) is left out rather than sent as empty: a step's answers are
 * saved over the earlier ones, so an answer given before to a question hidden now is kept. The studies (and
 * any `listFields`, a page's several-choices questions) are always a list, empty when none is ticked.
 */
export function stepValues(
  formData: FormData,
  fields: readonly string[],
  listFields: readonly string[] = [],
): FormValues {
  const lists = [...LIST_FIELDS, ...listFields];
  const posted = fields.filter((f) => lists.includes(f) || typeof formData.get(f) === "string");
  return formValues(formData, posted, { lists });
}
