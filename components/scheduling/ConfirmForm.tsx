"use client";

import Link from "next/link";
import { Button, ErrorSummary } from "@/components/nhs";
import { useSchedulingForm, type SchedulingAction } from "./use-scheduling-form";

type Props = {
  action: SchedulingAction;
  formId: string;
  hidden: Record<string, string>;
  submitLabel: string;
  cancelHref: string;
  cancelLabel: string;
};

/** The second step of a destructive action: one button that does it, and a way back that does nothing. */
export function ConfirmForm({ action, formId, hidden, submitLabel, cancelHref, cancelLabel }: Props) {
  const { formAction, pending, summary, summaryId } = useSchedulingForm(action, [], {}, formId);
  return (
    <form action={formAction} id={formId}>
      <ErrorSummary errors={summary} id={summaryId} />
      {Object.entries(hidden).map(([n, v]) => (
        <input key={n} type="hidden" name={n} value={v} />
      ))}
      <div className="nhsuk-button-group">
        <Button variant="warning" disabled={pending}>
          {pending ? "Cancelling…" : submitLabel}
        </Button>
        <Link href={cancelHref} className="nhsuk-link">
          {cancelLabel}
        </Link>
      </div>
    </form>
  );
}
