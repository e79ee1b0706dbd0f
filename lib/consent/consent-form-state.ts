import { formValues, type FormState } from "@/lib/forms/form-state";

/** Where a person is on the consent form, as the server action returns it to the page. */
export type ConsentFormState = FormState<{ stage: "answer" | "review" }>;

/** The "ask the team first" form: its message, or that it was sent. */
export type QuestionsState = FormState<{ sent?: true }>;

/** The posted fields the consent form owns: the answers and the typed name, nothing else. */
export function consentValues(formData: FormData): Record<string, string> {
  // The statements' fields are named after the form's statements, so they are found among those posted.
  const owned = [...new Set(formData.keys())].filter(
    (key) => typeof formData.get(key) === "string" && (key === "signedName" || key.startsWith("statement-")),
  );
  return formValues(formData, owned);
}
