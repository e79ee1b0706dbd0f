"use client";

import { Button, ErrorMessage, ErrorSummary, FormGroup, Hint, Radios, TextInput } from "@/components/nhs";
import { cx, describedBy } from "@/components/nhs/utils";
import { regionOptions } from "@/lib/registration/questions";
import { DateInput } from "./DateInput";
import { useSchedulingForm, type SchedulingAction } from "./use-scheduling-form";

export type SessionFormDefaults = Record<
  | "title"
  | "day"
  | "month"
  | "year"
  | "startTime"
  | "endTime"
  | "mode"
  | "location"
  | "onlineLink"
  | "region"
  | "capacity",
  string
>;

const ORDER = [
  "title",
  "date",
  "startTime",
  "endTime",
  "mode",
  "location",
  "onlineLink",
  "region",
  "capacity",
] as const;

/** Creating or editing a workshop session (admins only; the action and the data layer check). */
export function SessionForm({
  action,
  defaults,
  submitLabel,
}: {
  action: SchedulingAction;
  defaults: SessionFormDefaults;
  submitLabel: string;
}) {
  const { formAction, pending, errors, summary, value, summaryId } = useSchedulingForm(
    action,
    ORDER,
    { date: "date-day", mode: "mode" },
    "session-form",
  );
  const v = (field: keyof SessionFormDefaults) => value(field, defaults[field]);
  return (
    <form action={formAction} id="session-form" noValidate>
      <ErrorSummary errors={summary} id={summaryId} />
      <TextInput
        id="title"
        name="title"
        label="Title"
        hint="For example, the place or theme: Learning from partnerships, Leeds"
        maxLength={200}
        defaultValue={v("title")}
        error={errors.title}
      />
      <DateInput
        id="date"
        legend="Date"
        hint="For example, 27 3 2027"
        error={errors.date}
        values={{ day: v("day"), month: v("month"), year: v("year") }}
      />
      <TextInput
        id="startTime"
        name="startTime"
        label="Start time"
        hint="UK time (GMT or BST, as on a clock in the UK that day), 24-hour. For example, 10:00"
        width={5}
        autoComplete="off"
        defaultValue={v("startTime")}
        error={errors.startTime}
      />
      <TextInput
        id="endTime"
        name="endTime"
        label="End time"
        hint="UK time, 24-hour. For example, 12:30"
        width={5}
        autoComplete="off"
        defaultValue={v("endTime")}
        error={errors.endTime}
      />
      <Radios
        id="mode"
        name="mode"
        legend="How will people take part?"
        legendSize="s"
        items={[
          { value: "IN_PERSON", label: "In person" },
          { value: "ONLINE", label: "Online" },
        ]}
        defaultValue={v("mode") || undefined}
        error={errors.mode}
      />
      <TextInput
        id="location"
        name="location"
        label="Place (for a session in person)"
        hint="The address people should come to"
        maxLength={300}
        defaultValue={v("location")}
        error={errors.location}
      />
      <TextInput
        id="onlineLink"
        name="onlineLink"
        type="url"
        label="Online link (for an online session)"
        hint="The address people use to join, starting with https://"
        spellCheck={false}
        autoComplete="off"
        defaultValue={v("onlineLink")}
        error={errors.onlineLink}
      />
      <FormGroup error={Boolean(errors.region)}>
        <label className="nhsuk-label" htmlFor="region">
          Region (optional)
        </label>
        <Hint id="region-hint">The region the session is for, if any</Hint>
        {errors.region ? <ErrorMessage id="region-error">{errors.region}</ErrorMessage> : null}
        <select
          className={cx("nhsuk-select", errors.region && "nhsuk-select--error")}
          id="region"
          name="region"
          defaultValue={v("region")}
          aria-describedby={describedBy("region-hint", errors.region && "region-error")}
        >
          <option value="">No particular region</option>
          {regionOptions.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
      </FormGroup>
      <TextInput
        id="capacity"
        name="capacity"
        label="Places"
        hint="How many people can come. At least 1"
        width={4}
        inputMode="numeric"
        autoComplete="off"
        defaultValue={v("capacity")}
        error={errors.capacity}
      />
      <Button disabled={pending}>{pending ? "Saving…" : submitLabel}</Button>
    </form>
  );
}
