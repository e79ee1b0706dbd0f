"use client";

import { useActionState } from "react";
import { Button, ErrorSummary, Radios } from "@/components/nhs";
import type { FormState } from "@/lib/forms/form-state";

export function RoleForm({
  action,
  role,
  name,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  role: string;
  name: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state?.errors ?? {};
  return (
    <form action={formAction} noValidate>
      <ErrorSummary id="role-errors" errors={errors.role ? [{ href: "#role", text: errors.role }] : []} />
      <Radios
        id="role"
        name="role"
        legend={`${name}'s role`}
        legendSize="s"
        inline
        items={[
          { value: "RESEARCHER", label: "Researcher" },
          { value: "ADMIN", label: "Admin" },
        ]}
        defaultValue={state?.values.role ?? role}
        error={errors.role}
      />
      <Button variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Change role"}
      </Button>
    </form>
  );
}
