"use client";

import { Button, ErrorSummary, Radios, type ChoiceOption } from "@/components/nhs";
import { useSchedulingForm, type SchedulingAction } from "./use-scheduling-form";

type Props = {
  action: SchedulingAction;
  formId: string;
  hidden: Record<string, string>;
  /** The times on offer, by UK day: each day's radios are a fieldset with the day as its legend. */
  days: { key: string; label: string; items: ChoiceOption[] }[];
  submitLabel: string;
};

/**
 * Choosing one of the published interview times, as the GOV.UK pattern has it: one labelled radio per
 * time in a fieldset per day, all one choice (they share the name `slotId`), and an error summary when
 * the choice fails (none chosen, or the time was just taken).
 */
export function SlotChoiceForm({ action, formId, hidden, days, submitLabel }: Props) {
  const firstId = `${formId}-${days[0]?.key ?? "none"}`;
  const { formAction, pending, errors, summary, value, summaryId } = useSchedulingForm(
    action,
    ["slotId"],
    { slotId: firstId },
    formId,
  );
  return (
    <form action={formAction} id={formId} noValidate>
      <ErrorSummary errors={summary} id={summaryId} />
      {Object.entries(hidden).map(([n, v]) => (
        <input key={n} type="hidden" name={n} value={v} />
      ))}
      {days.map((day, i) => (
        <Radios
          key={day.key}
          id={`${formId}-${day.key}`}
          name="slotId"
          legend={day.label}
          legendSize="s"
          items={day.items}
          defaultValue={value("slotId") || undefined}
          error={i === 0 ? errors.slotId : undefined}
          small
        />
      ))}
      <Button disabled={pending}>{pending ? "Booking…" : submitLabel}</Button>
    </form>
  );
}
