"use client";

import { useActionState, useEffect } from "react";
import type { ErrorSummaryItem } from "@/components/nhs";
import type { FormState } from "@/lib/forms/form-state";

export type SchedulingAction = (previous: FormState, formData: FormData) => Promise<FormState>;

/**
 * A scheduling form posted to its server action (it works without JavaScript too): the errors the action
 * answered, in field order for the error summary (which takes focus after each failed submit), and the
 * values as typed.
 */
export function useSchedulingForm(
  action: SchedulingAction,
  fieldOrder: readonly string[],
  hrefs: Record<string, string> = {},
  formId = "form",
) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state?.errors ?? {};
  useEffect(() => {
    if (state && (Object.keys(state.errors).length > 0 || state.formError))
      document.getElementById(`${formId}-errors`)?.focus();
  }, [state, formId]);
  const summary: ErrorSummaryItem[] = [
    ...(state?.formError ? [{ href: `#${formId}`, text: state.formError }] : []),
    ...fieldOrder.filter((f) => errors[f]).map((f) => ({ href: `#${hrefs[f] ?? f}`, text: errors[f]! })),
  ];
  const value = (field: string, fallback = "") => state?.values[field] ?? fallback;
  return { formAction, pending, errors, summary, value, summaryId: `${formId}-errors` };
}
