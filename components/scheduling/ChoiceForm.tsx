"use client";

import { Button, ErrorSummary, Radios, type ChoiceOption } from "@/components/nhs";
import { useSchedulingForm, type SchedulingAction } from "./use-scheduling-form";

type Props = {
  action: SchedulingAction;
  formId: string;
  hidden: Record<string, string>;
  name: string;
  legend: string;
  hint?: string;
  items: ChoiceOption[];
  submitLabel: string;
  variant?: "primary" | "secondary" | "warning";
};

/**
 * One question answered by choosing (radios) and posted to a server action: an interview's outcome,
 * attendance at a workshop, or which session to give someone a place at.
 */
export function ChoiceForm({ action, formId, hidden, name, legend, hint, items, submitLabel, variant }: Props) {
  const firstId = `${formId}-${name}`;
  const { formAction, pending, errors, summary, value, summaryId } = useSchedulingForm(
    action,
    [name],
    { [name]: firstId },
    formId,
  );
  return (
    <form action={formAction} id={formId} noValidate>
      <ErrorSummary errors={summary} id={summaryId} />
      {Object.entries(hidden).map(([n, v]) => (
        <input key={n} type="hidden" name={n} value={v} />
      ))}
      <Radios
        id={firstId}
        name={name}
        legend={legend}
        legendSize="s"
        hint={hint}
        items={items}
        defaultValue={value(name) || undefined}
        error={errors[name]}
      />
      <Button variant={variant} disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </Button>
    </form>
  );
}
