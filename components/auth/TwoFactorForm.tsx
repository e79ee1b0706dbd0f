"use client";

import { useActionState } from "react";
import { Button, ErrorSummary, TextInput } from "@/components/nhs";
import type { TwoFactorState } from "@/app/sign-in/actions";

export function TwoFactorForm({
  action,
}: {
  action: (previous: TwoFactorState, formData: FormData) => Promise<TwoFactorState>;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction}>
      <ErrorSummary errors={state?.error ? [{ href: "#code", text: state.error }] : []} />
      <TextInput
        id="code"
        name="code"
        label="Code from your authenticator app"
        hint="6 digits, for example 123456"
        inputMode="numeric"
        autoComplete="one-time-code"
        width={10}
        error={state?.error}
      />
      <Button disabled={pending}>{pending ? "Checking…" : "Continue"}</Button>
    </form>
  );
}
