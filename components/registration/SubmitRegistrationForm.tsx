"use client";

import { useActionState } from "react";
import { Button } from "@/components/nhs";
import type { FormState, FormValues } from "@/lib/forms/form-state";

/** The final submit. One click sends it; the button stays disabled while it is on its way. */
export function SubmitRegistrationForm({
  action,
}: {
  action: (previous: FormState<object, FormValues>, formData: FormData) => Promise<FormState<object, FormValues>>;
}) {
  const [, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction}>
      <Button disabled={pending}>{pending ? "Sending your registration…" : "Register"}</Button>
      <p className="nhsuk-u-visually-hidden" role="status">
        {pending ? "Sending your registration" : ""}
      </p>
    </form>
  );
}
