"use client";

import { Button, ErrorSummary, TextInput } from "@/components/nhs";
import { useCheckedForm } from "@/components/admin/useCheckedForm";
import { errorSummary, type FormState } from "@/lib/forms/form-state";
import { pageFormSchema } from "@/lib/questions/question-forms";

const FIELDS = ["title", "slug"];

/** A page of a draft question set: its title and address. */
export function QuestionPageForm({
  action,
  initial,
  submitLabel,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  initial: Record<string, string>;
  submitLabel: string;
}) {
  const { errors, values, formAction, pending, check } = useCheckedForm(pageFormSchema, FIELDS, action, initial);
  return (
    <form action={formAction} onSubmit={check} noValidate>
      <ErrorSummary
        errors={errorSummary(errors, ["form", ...FIELDS]).map((e) =>
          e.href === "#form" ? { ...e, href: "#title" } : e,
        )}
      />
      {errors.form ? (
        <p className="nhsuk-error-message" id="form">
          {errors.form}
        </p>
      ) : null}
      <TextInput
        id="title"
        name="title"
        label="Page title"
        labelSize="s"
        defaultValue={values.title}
        error={errors.title}
      />
      <TextInput
        id="slug"
        name="slug"
        label="Page address"
        labelSize="s"
        hint="The end of the page's address in registration, in lower-case letters, digits and hyphens, like your-work."
        width={20}
        spellCheck={false}
        autoComplete="off"
        defaultValue={values.slug}
        error={errors.slug}
      />
      <Button disabled={pending}>{pending ? "Saving…" : submitLabel}</Button>
    </form>
  );
}
