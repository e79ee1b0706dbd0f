"use client";

import { useActionState, useEffect, useState, type FormEvent } from "react";
import { Button, ErrorSummary, Radios, TextInput } from "@/components/nhs";
import { RecruitmentFields } from "@/components/admin/RecruitmentFields";
import { studySettingsFormSchema } from "@/lib/studies/study-settings-form";
import { errorSummary, firstErrorPerField, formValues, type FormState } from "@/lib/forms/form-state";

const FIELDS = Object.keys(studySettingsFormSchema.shape);
// The summary lists errors in the order the schema names the fields, which is the order they appear in.
const ORDER = ["form", ...FIELDS];

/**
 * A study's settings. The values shown after a refused save are the ones posted, so nothing is lost.
 * Of the two scheduling settings only the one for the study's kind is shown: the other would be a question
 * the admin cannot answer. It is posted unchanged, hidden, so that every post reads the whole schema.
 */
export function StudySettingsForm({
  action,
  initial,
  kind,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  initial: Record<string, string>;
  kind: "INTERVIEW" | "WORKSHOP";
}) {
  const [state, formAction, pending] = useActionState(action, null);
  // The same schema as the server action checks the form before it is posted; without JavaScript the
  // server's answer shows the same messages.
  const [clientErrors, setClientErrors] = useState<Record<string, string> | null>(null);
  const errors = clientErrors ?? state?.errors ?? {};
  const values = state?.values ?? initial;
  useEffect(() => {
    if (clientErrors) document.getElementById("error-summary")?.focus();
  }, [clientErrors]);
  const hidden = kind === "INTERVIEW" ? "workshopOfferHours" : "interviewBookingCutoffHours";
  const check = (event: FormEvent<HTMLFormElement>) => {
    // Read as the server action reads the post, so that both find the same problems.
    const parsed = studySettingsFormSchema.safeParse(formValues(new FormData(event.currentTarget), FIELDS));
    if (parsed.success) {
      setClientErrors(null);
      return;
    }
    event.preventDefault();
    setClientErrors(firstErrorPerField(parsed.error));
  };
  return (
    <form action={formAction} onSubmit={check} noValidate>
      <ErrorSummary
        errors={errorSummary(errors, ORDER).map((e) =>
          e.href === "#form" || e.href === "#expectedUpdatedAt" || e.href === `#${hidden}`
            ? { ...e, href: "#status" }
            : e,
        )}
      />
      <input type="hidden" name="expectedUpdatedAt" value={values.expectedUpdatedAt} />
      <input type="hidden" name={hidden} value={values[hidden]} />
      <Radios
        id="status"
        name="status"
        legend="Status"
        legendSize="s"
        hint="Only a recruiting study appears on the public pages and can be registered for."
        items={[
          { value: "DRAFT", label: "Draft", hint: "Being prepared: not shown to the public" },
          { value: "RECRUITING", label: "Recruiting" },
          { value: "CLOSED", label: "Closed", hint: "No new registrations; people already taking part carry on" },
        ]}
        defaultValue={values.status}
        error={errors.status}
      />
      <RecruitmentFields values={values} errors={errors} />
      <TextInput
        id="considerationPeriodHours"
        name="considerationPeriodHours"
        label="Time to consider, in hours"
        labelSize="s"
        hint="How long people have with the information sheet before they can sign. 0 for none; 24 for a day."
        inputMode="numeric"
        width={4}
        defaultValue={values.considerationPeriodHours}
        error={errors.considerationPeriodHours}
      />
      <TextInput
        id="reminderAfterDays"
        name="reminderAfterDays"
        label="Remind people who have not answered their invitation after (days)"
        labelSize="s"
        hint="A reminder with a new link is emailed after this many days, and once more the same number of days later: never more than two. Leave empty to send no reminders."
        inputMode="numeric"
        width={4}
        defaultValue={values.reminderAfterDays}
        error={errors.reminderAfterDays}
      />
      <TextInput
        id="retentionDays"
        name="retentionDays"
        label="Keep the records of people who do not take part for (days)"
        labelSize="s"
        hint="Records of people found ineligible, or who withdrew and asked for their data to be removed, are anonymised this many days after they were found ineligible or withdrew. Leave empty to keep them until someone erases them by hand."
        inputMode="numeric"
        width={5}
        defaultValue={values.retentionDays}
        error={errors.retentionDays}
      />
      {kind === "INTERVIEW" ? (
        <TextInput
          id="interviewBookingCutoffHours"
          name="interviewBookingCutoffHours"
          label="Hours before an interview when people can no longer change it themselves"
          labelSize="s"
          hint="After this, the page tells them to contact the study team. 24 by default."
          inputMode="numeric"
          width={3}
          defaultValue={values.interviewBookingCutoffHours}
          error={errors.interviewBookingCutoffHours}
        />
      ) : (
        <TextInput
          id="workshopOfferHours"
          name="workshopOfferHours"
          label="Hours to accept an offered workshop place"
          labelSize="s"
          hint="If they do not accept in time, the place is offered to the next person on the waiting list. 48 by default."
          inputMode="numeric"
          width={3}
          defaultValue={values.workshopOfferHours}
          error={errors.workshopOfferHours}
        />
      )}
      <TextInput
        id="contactName"
        name="contactName"
        label="Contact's name"
        labelSize="s"
        hint="Shown to participants in emails and on the information sheet."
        autoComplete="off"
        defaultValue={values.contactName}
        error={errors.contactName}
      />
      <TextInput
        id="contactEmail"
        name="contactEmail"
        label="Contact's email address"
        labelSize="s"
        type="email"
        autoComplete="off"
        spellCheck={false}
        defaultValue={values.contactEmail}
        error={errors.contactEmail}
      />
      <Button disabled={pending}>{pending ? "Saving…" : "Save settings"}</Button>
    </form>
  );
}
