"use client";

import { Button, ErrorSummary, type ButtonVariant } from "@/components/nhs";
import { useSchedulingForm, type SchedulingAction } from "./use-scheduling-form";

type Props = {
  action: SchedulingAction;
  formId: string;
  hidden: Record<string, string>;
  submitLabel: string;
  variant?: ButtonVariant;
};

/** One button posted to a server action (it works without JavaScript), with the refusal above it if any. */
export function ButtonForm({ action, formId, hidden, submitLabel, variant }: Props) {
  const { formAction, pending, summary, summaryId } = useSchedulingForm(action, [], {}, formId);
  return (
    <form action={formAction} id={formId}>
      <ErrorSummary errors={summary} id={summaryId} />
      {Object.entries(hidden).map(([n, v]) => (
        <input key={n} type="hidden" name={n} value={v} />
      ))}
      <Button variant={variant} disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </Button>
    </form>
  );
}
