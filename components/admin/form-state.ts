/**
 * What a dashboard form's server action sends back when it does not redirect: the first error for each
 * field (shown in the error summary and by the field), the values as they were posted (so nothing typed is
 * lost), and anything else the form shows, like a preview.
 */
export type AdminFormState<Extra = undefined> = {
  errors: Record<string, string>;
  values: Record<string, string>;
  extra?: Extra;
} | null;

/** The posted form as plain strings, for the named fields only. */
export function formValues(formData: FormData, fields: readonly string[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f, String(formData.get(f) ?? "")]));
}

/** Error summary items, in the order of the form's fields. */
export function summaryOf(errors: Record<string, string>, order: readonly string[]): { href: string; text: string }[] {
  const known = order.filter((f) => errors[f]).map((f) => ({ href: `#${f}`, text: errors[f]! }));
  const others = Object.keys(errors)
    .filter((f) => !order.includes(f))
    .map((f) => ({ href: `#${f}`, text: errors[f]! }));
  return [...known, ...others];
}
