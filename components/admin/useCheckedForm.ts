"use client";

import { useActionState, useEffect, useState, type FormEvent } from "react";
import type { z } from "zod";
import { firstErrorPerField, formValues, type FormState } from "@/lib/forms/form-state";

/**
 * A form checked in the browser by the same schema as its server action checks it, before it is posted;
 * without JavaScript the server's answer shows the same messages. The values shown after a refusal are
 * the ones posted, so nothing typed is lost.
 */
export function useCheckedForm(
  schema: z.ZodType,
  fields: readonly string[],
  action: (previous: FormState, formData: FormData) => Promise<FormState>,
  initial: Record<string, string>,
) {
  const [state, formAction, pending] = useActionState(action, null);
  const [clientErrors, setClientErrors] = useState<Record<string, string> | null>(null);
  useEffect(() => {
    if (clientErrors) document.getElementById("error-summary")?.focus();
  }, [clientErrors]);
  const check = (event: FormEvent<HTMLFormElement>) => {
    const parsed = schema.safeParse(formValues(new FormData(event.currentTarget), fields));
    if (parsed.success) {
      setClientErrors(null);
      return;
    }
    event.preventDefault();
    setClientErrors(firstErrorPerField(parsed.error));
  };
  const errors = clientErrors ?? state?.errors ?? {};
  const values = (state?.values as Record<string, string> | undefined) ?? initial;
  return { errors, values, formAction, pending, check };
}
