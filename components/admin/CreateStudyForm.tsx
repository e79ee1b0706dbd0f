"use client";

import { Button, ErrorSummary, Radios, Textarea, TextInput } from "@/components/nhs";
import { RecruitmentFields } from "@/components/admin/RecruitmentFields";
import { SelectField } from "@/components/admin/SelectField";
import { useCheckedForm } from "@/components/admin/useCheckedForm";
import { errorSummary, type FormState } from "@/lib/forms/form-state";
import { CREATE_STUDY_FIELDS, createStudyFormSchema } from "@/lib/studies/create-study-form";

const ORDER = ["form", ...CREATE_STUDY_FIELDS];

/** Creates a study as a draft. The settings it shares with the settings form use that form's words. */
export function CreateStudyForm({
  action,
  initial,
  questionSets,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  initial: Record<string, string>;
  questionSets: { id: string; title: string; studies: string[]; publishedVersion: number | null }[];
}) {
  const { errors, values, formAction, pending, check } = useCheckedForm(
    createStudyFormSchema,
    CREATE_STUDY_FIELDS,
    action,
    initial,
  );
  const text = (id: string, label: string, hint?: string, width?: 2 | 3 | 4 | 5 | 10 | 20 | 30) => (
    <TextInput
      id={id}
      name={id}
      label={label}
      labelSize="s"
      hint={hint}
      width={width}
      defaultValue={values[id]}
      error={errors[id]}
      autoComplete="off"
      inputMode={width && width <= 5 ? "numeric" : undefined}
    />
  );
  return (
    <form action={formAction} onSubmit={check} noValidate>
      <ErrorSummary
        errors={errorSummary(errors, ORDER).map((e) => (e.href === "#form" ? { ...e, href: "#title" } : e))}
      />
      {text("title", "Title", "The study's full title, as on its information sheet.")}
      {text(
        "shortTitle",
        "Short title",
        "A few words for lists and emails, like \u201cPharmacist interviews\u201d.",
        30,
      )}
      {text(
        "slug",
        "Web address",
        "The end of the study's address on this site, in lower-case letters, digits and hyphens, like pharmacist-interviews-2027. It cannot be changed later.",
        30,
      )}
      <Textarea
        id="summary"
        name="summary"
        label="Summary"
        labelSize="s"
        hint="One or two sentences shown on the public list of studies."
        rows={3}
        defaultValue={values.summary}
        error={errors.summary}
      />
      <Textarea
        id="whatTakingPartInvolves"
        name="whatTakingPartInvolves"
        label="What taking part involves"
        labelSize="s"
        rows={5}
        defaultValue={values.whatTakingPartInvolves}
        error={errors.whatTakingPartInvolves}
      />
      {text("ethicsCommittee", "Ethics committee", "Leave this and the reference empty if there is no approval yet.")}
      {text("ethicsReference", "Ethics reference", undefined, 20)}
      <Radios
        id="kind"
        name="kind"
        legend="Format"
        legendSize="s"
        items={[
          { value: "INTERVIEW", label: "Interviews, one at a time", hint: "People book an interview time" },
          { value: "WORKSHOP", label: "Sessions with places", hint: "People book a place at a workshop session" },
        ]}
        defaultValue={values.kind}
        error={errors.kind}
      />
      <RecruitmentFields values={values} errors={errors} />
      {text(
        "considerationPeriodHours",
        "Time to consider, in hours",
        "How long people have with the information sheet before they can sign. 0 for none; 24 for a day.",
        4,
      )}
      {text(
        "reminderAfterDays",
        "Remind people who have not answered their invitation after (days)",
        "A reminder with a new link is emailed after this many days, and once more the same number of days later: never more than two. Leave empty to send no reminders.",
        4,
      )}
      {text(
        "retentionDays",
        "Keep the records of people who do not take part for (days)",
        "Records of people found ineligible, or who withdrew and asked for their data to be removed, are anonymised this many days after they were found ineligible or withdrew. Leave empty to keep them until someone erases them by hand.",
        5,
      )}
      {text(
        "interviewBookingCutoffHours",
        "Hours before an interview when people can no longer change it themselves",
        "For interviews only. After this, the page tells them to contact the study team. 24 by default.",
        3,
      )}
      {text(
        "workshopOfferHours",
        "Hours to accept an offered workshop place",
        "For workshops only. If they do not accept in time, the place is offered to the next person on the waiting list. 48 by default.",
        3,
      )}
      {text("contactName", "Contact's name", "Shown to participants in emails and on the information sheet.")}
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
      <Radios
        id="questions"
        name="questions"
        legend="Questions"
        legendSize="s"
        hint="The screening questions people answer when they register. Studies of one call share their questions, so a person registering for several answers once."
        items={[
          { value: "existing", label: "Use the questions of an existing question set", hint: "Choose the set below" },
          {
            value: "own",
            label: "Its own questions",
            hint: "A new, empty set of questions, which you write after creating the study",
          },
        ]}
        defaultValue={values.questions}
        error={errors.questions}
      />
      <SelectField
        id="questionSetId"
        name="questionSetId"
        label="Question set"
        hint="Only if it uses the questions of an existing set."
        options={questionSets.map((s) => ({
          value: s.id,
          label: `${s.title}${s.studies.length > 0 ? ` (used by ${s.studies.join(", ")})` : ""}${s.publishedVersion === null ? ", not published yet" : ""}`,
        }))}
        defaultValue={values.questionSetId}
        error={errors.questionSetId}
      />
      <Button disabled={pending}>{pending ? "Creating…" : "Create the study"}</Button>
    </form>
  );
}
