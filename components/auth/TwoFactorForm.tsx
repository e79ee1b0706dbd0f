"use client";

import { useActionState } from "react";
import { Button, ErrorSummary, TextInput } from "@/components/nhs";
import { errorSummary, type FormState } from "@/lib/forms/form-state";

export function TwoFactorForm({ action }: { action: (previous: FormState, formData: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction}>
      <ErrorSummary errors={errorSummary(state?.errors ?? {}, ["code"])} />
      <TextInput
        id="code"
        name="code"
        label="Code from your authenticator app"
        hint="6 digits, for example 123456"
        inputMode="numeric"
        autoComplete="one-time-code"
        width={10}
        error={state?.errors.code}
      />
      <Button disabled={pending}>{pending ? "Checking…" : "Continue"}</Button>
    </form>
  );
}
