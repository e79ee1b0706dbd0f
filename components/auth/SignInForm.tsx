"use client";

import { useActionState } from "react";
import { Button, ErrorSummary, TextInput } from "@/components/nhs";
import { errorSummary, type FormState } from "@/lib/forms/form-state";

export function SignInForm({ action }: { action: (previous: FormState, formData: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction}>
      <ErrorSummary errors={errorSummary(state?.errors ?? {}, ["email"])} />
      <TextInput
        id="email"
        name="email"
        type="email"
        label="Email address"
        hint="The address your study administrator registered."
        autoComplete="email"
        spellCheck={false}
        defaultValue={state?.values.email ?? ""}
        error={state?.errors.email}
      />
      <Button disabled={pending}>{pending ? "Sending…" : "Email me a sign-in link"}</Button>
    </form>
  );
}
