"use client";

import { useActionState, useEffect } from "react";
import type { FormState } from "@/lib/forms/form-state";

export type VolunteerFormAction = (previous: FormState, formData: FormData) => Promise<FormState>;

/**
 * A form of the volunteer's page posting to its server action (a plain form post without JavaScript).
 * After a refused submit, focus moves to the error summary, which names each problem.
 */
export function useVolunteerForm(action: VolunteerFormAction, summaryId: string) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state?.errors ?? {};
  const values = state?.values ?? {};
  const hasErrors = Object.keys(errors).length > 0;
  useEffect(() => {
    if (hasErrors) document.getElementById(summaryId)?.focus();
  }, [state, hasErrors, summaryId]);
  return { errors, values, formAction, pending };
}
