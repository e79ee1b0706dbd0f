"use client";

import { startTransition, useActionState, useEffect, useState, type FormEvent } from "react";
import { Button, Checkboxes, ErrorMessage, ErrorSummary, FormGroup, Hint, TextInput } from "@/components/nhs";
import { cx, describedBy } from "@/components/nhs/utils";
import { firstErrorPerField, formValues, type FormState, type FormValues } from "@/lib/forms/form-state";
import {
  DEFAULT_SLOT_MINUTES,
  WEEKDAYS,
  slotPatternFormFields,
  slotPatternFormSchema,
} from "@/lib/interviews/slot-pattern";
import { publishSpan, publishWords } from "@/lib/interviews/slot-preview";
import { DateInput } from "./DateInput";

export type SlotPatternAction = (
  previous: FormState<object, FormValues>,
  formData: FormData,
) => Promise<FormState<object, FormValues>>;

const FORM_ID = "publish";
const ORDER = [
  "from",
  "to",
  "days",
  "times",
  "windowStart",
  "windowEnd",
  "duration",
  "gap",
  "interviewerId",
  "meetingLink",
] as const;
const HREFS: Record<string, string> = { from: "from-day", to: "to-day" };

function read(form: HTMLFormElement): FormValues {
  return formValues(new FormData(form), slotPatternFormFields, { lists: ["days"] });
}

/**
 * Publishing interview times: one date and time, or days of the week between two dates at set times (or
 * filling part of each day), all in UK time. Without JavaScript the form posts and the server answers;
 * with it, the same schema checks the form first and says how many times it would publish as it is filled.
 */
export function SlotPatternForm({
  action,
  interviewers,
}: {
  action: SlotPatternAction;
  interviewers: { id: string; name: string }[];
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const [clientErrors, setClientErrors] = useState<Record<string, string> | null>(null);
  const [preview, setPreview] = useState("");
  const [attempt, setAttempt] = useState(0);
  const errors = clientErrors ?? state?.errors ?? {};
  const formError = clientErrors ? undefined : state?.formError;
  useEffect(() => {
    if (Object.keys(errors).length > 0 || formError) document.getElementById(`${FORM_ID}-errors`)?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new submit or a new server answer moves focus
  }, [state, attempt]);

  const summary = [
    ...(formError ? [{ href: `#${FORM_ID}`, text: formError }] : []),
    ...ORDER.filter((f) => errors[f]).map((f) => ({ href: `#${HREFS[f] ?? f}`, text: errors[f]! })),
  ];
  const values = state?.values;
  const text = (field: string, fallback = "") => {
    const v = values?.[field];
    return typeof v === "string" ? v : fallback;
  };
  const days = Array.isArray(values?.days) ? values.days : [];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const parsed = slotPatternFormSchema.safeParse(read(element));
    setAttempt((n) => n + 1);
    if (!parsed.success) {
      setClientErrors(firstErrorPerField(parsed.error));
      return;
    }
    setClientErrors(null);
    startTransition(() => formAction(new FormData(element)));
  }

  function onChange(event: FormEvent<HTMLFormElement>) {
    const parsed = slotPatternFormSchema.safeParse(read(event.currentTarget));
    const span = parsed.success ? publishSpan(parsed.data.startsAt) : null;
    setPreview(span ? publishWords(span) : "");
  }

  return (
    <form action={formAction} id={FORM_ID} noValidate onSubmit={onSubmit} onChange={onChange}>
      <ErrorSummary errors={summary} id={`${FORM_ID}-errors`} />
      <DateInput
        id="from"
        namePrefix="from"
        legend="First date"
        hint="For one time only, enter the same date as the first and last date. For example, 27 3 2027"
        error={errors.from}
        values={{ day: text("fromDay"), month: text("fromMonth"), year: text("fromYear") }}
      />
      <DateInput
        id="to"
        namePrefix="to"
        legend="Last date"
        hint="Times are published on the chosen days up to and including this date"
        error={errors.to}
        values={{ day: text("toDay"), month: text("toMonth"), year: text("toYear") }}
      />
      <Checkboxes
        id="days"
        name="days"
        legend="Days of the week"
        legendSize="s"
        hint="Leave these empty when the first and last dates are the same day"
        items={WEEKDAYS.map((d) => ({ value: String(d.value), label: d.label }))}
        defaultValue={days}
        error={errors.days}
        small
      />
      <TextInput
        id="times"
        name="times"
        label="Start times"
        hint="UK time (GMT or BST, as on a clock in the UK that day), 24-hour, separated by commas. For example, 10:00, 14:00"
        autoComplete="off"
        spellCheck={false}
        defaultValue={text("times")}
        error={errors.times}
      />
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
          Or fill part of each day with interviews, one after another
        </legend>
        <Hint id="window-hint">Leave the start times empty to use these. UK time, 24-hour</Hint>
        <TextInput
          id="windowStart"
          name="windowStart"
          label="From"
          hint="For example, 09:00"
          width={5}
          autoComplete="off"
          defaultValue={text("windowStart")}
          error={errors.windowStart}
        />
        <TextInput
          id="windowEnd"
          name="windowEnd"
          label="Until"
          hint="The last interview ends by then. For example, 12:30"
          width={5}
          autoComplete="off"
          defaultValue={text("windowEnd")}
          error={errors.windowEnd}
        />
      </fieldset>
      <TextInput
        id="duration"
        name="duration"
        label="Length of each interview, in minutes"
        hint="30 to 35 minutes"
        width={3}
        inputMode="numeric"
        autoComplete="off"
        defaultValue={text("duration", String(DEFAULT_SLOT_MINUTES))}
        error={errors.duration}
      />
      <TextInput
        id="gap"
        name="gap"
        label="Gap between interviews, in minutes (optional)"
        hint="Time to rest or write notes. For example, 15"
        width={3}
        inputMode="numeric"
        autoComplete="off"
        defaultValue={text("gap")}
        error={errors.gap}
      />
      <FormGroup error={Boolean(errors.interviewerId)}>
        <label className="nhsuk-label" htmlFor="interviewerId">
          Interviewer (optional)
        </label>
        <Hint id="interviewerId-hint">Their other published times are checked so that none overlap</Hint>
        {errors.interviewerId ? <ErrorMessage id="interviewerId-error">{errors.interviewerId}</ErrorMessage> : null}
        <select
          className={cx("nhsuk-select", errors.interviewerId && "nhsuk-select--error")}
          id="interviewerId"
          name="interviewerId"
          defaultValue={text("interviewerId")}
          aria-describedby={describedBy("interviewerId-hint", errors.interviewerId && "interviewerId-error")}
        >
          <option value="">Not decided yet</option>
          {interviewers.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </FormGroup>
      <TextInput
        id="meetingLink"
        name="meetingLink"
        type="url"
        label="Microsoft Teams link"
        hint="The meeting link people use to join, starting with https://teams.microsoft.com/. The same link is used for every time published here"
        spellCheck={false}
        autoComplete="off"
        defaultValue={text("meetingLink")}
        error={errors.meetingLink}
      />
      <p className="nhsuk-body" aria-live="polite">
        {preview}
      </p>
      <Button disabled={pending}>{pending ? "Publishing…" : "Publish the times"}</Button>
    </form>
  );
}
