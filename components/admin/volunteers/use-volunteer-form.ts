"use client";

import { useActionState, useEffect } from "react";
import type { VolunteerFormState } from "@/lib/volunteers/forms";

export type VolunteerFormAction = (previous: VolunteerFormState, formData: FormData) => Promise<VolunteerFormState>;

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
