"use client";

import { Button, ErrorSummary, Radios, type ChoiceOption } from "@/components/nhs";
import { useSchedulingForm, type SchedulingAction } from "./use-scheduling-form";

type Props = {
  action: SchedulingAction;
  formId: string;
  hidden: Record<string, string>;
  name: string;
  /** One fieldset per day, its legend the day: one radio group across them all (the same name). */
  days: { legend: string; items: ChoiceOption[] }[];
  hint?: string;
  submitLabel: string;
};

/**
 * Choosing one time out of several days' worth, posted to a server action (it works without JavaScript).
 * A screen reader hears the day as each fieldset's legend, so a time is never read without its date.
 */
export function DayChoiceForm({ action, formId, hidden, name, days, hint, submitLabel }: Props) {
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
      {hint ? <p className="nhsuk-hint">{hint}</p> : null}
      {days.map((day, i) => (
        <Radios
          key={day.legend}
          id={i === 0 ? firstId : `${firstId}-day-${i}`}
          name={name}
          legend={day.legend}
          legendSize="s"
          items={day.items}
          defaultValue={value(name) || undefined}
          error={i === 0 ? errors[name] : undefined}
        />
      ))}
      <Button disabled={pending}>{pending ? "Saving…" : submitLabel}</Button>
    </form>
  );
}
