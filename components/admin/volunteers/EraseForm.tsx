"use client";

import { Button, ErrorSummary, TextInput } from "@/components/nhs";
import { useVolunteerForm, type VolunteerFormAction } from "./use-volunteer-form";

/** The typed confirmation of an erasure: the person's email address, exactly as shown on their page. */
export function EraseForm({ action, volunteerId }: { action: VolunteerFormAction; volunteerId: string }) {
  const { errors, values, formAction, pending } = useVolunteerForm(action, "error-summary");
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={errors.confirmEmail ? [{ href: "#confirmEmail", text: errors.confirmEmail }] : []} />
      <input type="hidden" name="volunteerId" value={volunteerId} />
      <TextInput
        id="confirmEmail"
        name="confirmEmail"
        type="email"
        label="To confirm, type their email address"
        labelSize="s"
        autoComplete="off"
        spellCheck={false}
        defaultValue={values.confirmEmail ?? ""}
        error={errors.confirmEmail}
      />
      <Button variant="warning" disabled={pending}>
        {pending ? "Erasing…" : "Erase their personal data"}
      </Button>
    </form>
  );
}
