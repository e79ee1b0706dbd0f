/** Where a person is on the consent form, as the server action returns it to the page. */
export type ConsentFormState =
  | { stage: "answer"; values: Record<string, unknown>; errors: Record<string, string>; formError?: string }
  | { stage: "review"; values: Record<string, unknown> };

/** The posted fields the consent form owns: the answers and the typed name, nothing else. */
export function consentValues(formData: FormData): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    if (key === "signedName" || key.startsWith("statement-")) values[key] = value;
  }
  return values;
}
