"use client";

import { useActionState } from "react";
import { Button, ErrorSummary, Radios, TextInput } from "@/components/nhs";
import { errorSummary, type FormState } from "@/lib/forms/form-state";

export function AddResearcherForm({
  action,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state?.errors ?? {};
  const values = state?.values ?? { email: "", name: "", role: "RESEARCHER" };
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={errorSummary(errors, ["name", "email", "role"])} />
      <TextInput
        id="name"
        name="name"
        label="Full name"
        labelSize="s"
        autoComplete="off"
        defaultValue={values.name}
        error={errors.name}
      />
      <TextInput
        id="email"
        name="email"
        label="Email address"
        labelSize="s"
        hint="They sign in with a link sent to this address."
        type="email"
        autoComplete="off"
        spellCheck={false}
        defaultValue={values.email}
        error={errors.email}
      />
      <Radios
        id="role"
        name="role"
        legend="Role"
        legendSize="s"
        items={[
          {
            value: "RESEARCHER",
            label: "Researcher",
            hint: "Sees volunteers and recruitment, invites, schedules and exports",
          },
          {
            value: "ADMIN",
            label: "Admin",
            hint: "Also changes studies and their documents, and manages researcher accounts",
          },
        ]}
        defaultValue={values.role}
        error={errors.role}
      />
      <Button disabled={pending}>{pending ? "Adding…" : "Add the researcher"}</Button>
    </form>
  );
}
