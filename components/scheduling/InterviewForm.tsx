"use client";

import { Button, ErrorSummary, TextInput } from "@/components/nhs";
import { DateInput } from "./DateInput";
import { useSchedulingForm, type SchedulingAction } from "./use-scheduling-form";

type Props = {
  action: SchedulingAction;
  formId: string;
  /** The ids the action needs, posted as hidden fields (the data layer checks they belong together). */
  hidden: Record<string, string>;
  defaults: { day: string; month: string; year: string; time: string; duration: string; meetingLink: string };
  submitLabel: string;
};

const ORDER = ["date", "time", "duration", "meetingLink"] as const;

/** Booking or moving an interview: date and start time in UK time, its length and the Teams link. */
export function InterviewForm({ action, formId, hidden, defaults, submitLabel }: Props) {
  const { formAction, pending, errors, summary, value, summaryId } = useSchedulingForm(
    action,
    ORDER,
    {
      date: `${formId}-date-day`,
      time: `${formId}-time`,
      duration: `${formId}-duration`,
      meetingLink: `${formId}-meetingLink`,
    },
    formId,
  );
  return (
    <form action={formAction} id={formId} noValidate>
      <ErrorSummary errors={summary} id={summaryId} />
      {Object.entries(hidden).map(([name, v]) => (
        <input key={name} type="hidden" name={name} value={v} />
      ))}
      <DateInput
        id={`${formId}-date`}
        legend="Date"
        hint="In UK time. For example, 27 3 2027"
        error={errors.date}
        values={{
          day: value("day", defaults.day),
          month: value("month", defaults.month),
          year: value("year", defaults.year),
        }}
      />
      <TextInput
        id={`${formId}-time`}
        name="time"
        label="Start time"
        hint="UK time (GMT or BST, as on a clock in the UK that day), 24-hour. For example, 14:30"
        width={5}
        autoComplete="off"
        defaultValue={value("time", defaults.time)}
        error={errors.time}
      />
      <TextInput
        id={`${formId}-duration`}
        name="duration"
        label="Length in minutes"
        hint="Between 30 and 35 minutes"
        width={2}
        inputMode="numeric"
        autoComplete="off"
        defaultValue={value("duration", defaults.duration)}
        error={errors.duration}
      />
      <TextInput
        id={`${formId}-meetingLink`}
        name="meetingLink"
        type="url"
        label="Microsoft Teams link"
        hint="The meeting's join link, starting with https://teams.microsoft.com/ or https://teams.live.com/"
        spellCheck={false}
        autoComplete="off"
        defaultValue={value("meetingLink", defaults.meetingLink)}
        error={errors.meetingLink}
      />
      <Button disabled={pending}>{pending ? "Saving…" : submitLabel}</Button>
    </form>
  );
}
