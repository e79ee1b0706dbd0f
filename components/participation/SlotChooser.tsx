"use client";

import { Button, ErrorSummary, Radios } from "@/components/nhs";
import { useSchedulingForm, type SchedulingAction } from "@/components/scheduling/use-scheduling-form";
import { YourTime } from "./YourTime";

type Props = {
  action: SchedulingAction;
  participationId: string;
  days: { day: string; slots: { id: string; label: string; startsAt: string }[] }[];
  submitLabel: string;
};

/**
 * The open interview times, a fieldset of radios per UK day, and one button that books the chosen time.
 * The error (nothing chosen, or the time just taken) links to the first radio.
 */
export function SlotChooser({ action, participationId, days, submitLabel }: Props) {
  const { formAction, pending, errors, summary, summaryId } = useSchedulingForm(action, ["slotId"], {}, "slot-form");
  return (
    <form action={formAction} id="slot-form">
      <ErrorSummary errors={summary} id={summaryId} />
      <input type="hidden" name="participationId" value={participationId} />
      <div className={errors.slotId ? "nhsuk-form-group nhsuk-form-group--error" : undefined}>
        {errors.slotId ? (
          <p className="nhsuk-error-message" id="slotId-error">
            <span className="nhsuk-u-visually-hidden">Error:</span> {errors.slotId}
          </p>
        ) : null}
        {days.map((d, i) => (
          <Radios
            key={d.day}
            id={i === 0 ? "slotId" : `slotId-day-${i + 1}`}
            name="slotId"
            legend={d.day}
            legendSize="m"
            items={d.slots.map((s) => ({
              value: s.id,
              label: (
                <>
                  {s.label}
                  <YourTime startsAt={s.startsAt} />
                </>
              ),
            }))}
          />
        ))}
      </div>
      <Button disabled={pending}>{pending ? "Booking…" : submitLabel}</Button>
    </form>
  );
}
