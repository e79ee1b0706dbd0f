"use client";

import { Button, ErrorSummary, Radios, Textarea } from "@/components/nhs";
import { useVolunteerForm, type VolunteerFormAction } from "./use-volunteer-form";

type Props = {
  action: VolunteerFormAction;
  volunteerId: string;
  participationId: string;
  current: "ELIGIBLE" | "INELIGIBLE";
};

/** Overrides a computed eligibility: the outcome, and the reason, which is required. */
export function OverrideEligibilityForm({ action, volunteerId, participationId, current }: Props) {
  const { errors, values, formAction, pending } = useVolunteerForm(action, "error-summary");
  const summary = (["outcome", "reason"] as const)
    .filter((f) => errors[f])
    .map((f) => ({ href: `#${f}`, text: errors[f]! }));
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={summary} />
      <input type="hidden" name="volunteerId" value={volunteerId} />
      <input type="hidden" name="participationId" value={participationId} />
      <Radios
        id="outcome"
        name="outcome"
        legend="Should they be eligible for this study?"
        legendSize="s"
        items={[
          { value: "ELIGIBLE", label: "Eligible", hint: "They can be invited to take part." },
          { value: "INELIGIBLE", label: "Not eligible", hint: "They will not be invited." },
        ]}
        defaultValue={values.outcome ?? (current === "ELIGIBLE" ? "INELIGIBLE" : "ELIGIBLE")}
        error={errors.outcome}
      />
      <Textarea
        id="reason"
        name="reason"
        label="Reason for the override"
        labelSize="s"
        hint="Required. It is kept with their record and shown to the study team. Up to 1000 characters."
        rows={4}
        maxLength={1000}
        defaultValue={values.reason ?? ""}
        error={errors.reason}
      />
      <Button disabled={pending}>{pending ? "Saving…" : "Override eligibility"}</Button>
    </form>
  );
}

/** Removes an override, so the eligibility computed from their answers counts again. */
export function ClearOverrideForm({ action, volunteerId, participationId }: Omit<Props, "current">) {
  const { errors, formAction, pending } = useVolunteerForm(action, "clear-errors");
  return (
    <form action={formAction}>
      <ErrorSummary id="clear-errors" errors={errors.clear ? [{ href: "#clear-override", text: errors.clear }] : []} />
      <input type="hidden" name="volunteerId" value={volunteerId} />
      <input type="hidden" name="participationId" value={participationId} />
      <Button id="clear-override" variant="secondary" disabled={pending}>
        Remove the override
      </Button>
    </form>
  );
}
