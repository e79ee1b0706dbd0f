"use client";

import { useActionState } from "react";
import { Button, ErrorSummary, TextInput } from "@/components/nhs";
import type { SignInFormState } from "@/app/sign-in/actions";

export function SignInForm({
  action,
}: {
  action: (previous: SignInFormState, formData: FormData) => Promise<SignInFormState>;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction}>
      <ErrorSummary errors={state?.error ? [{ href: "#email", text: state.error }] : []} />
      <TextInput
        id="email"
        name="email"
        type="email"
        label="Email address"
        hint="The address your study administrator registered."
        autoComplete="email"
        spellCheck={false}
        defaultValue={state?.email ?? ""}
        error={state?.error}
      />
      <Button disabled={pending}>{pending ? "Sending…" : "Email me a sign-in link"}</Button>
    </form>
  );
}
