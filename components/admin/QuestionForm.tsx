"use client";

import { useState } from "react";
import { Button, ErrorSummary, Radios, Textarea, TextInput } from "@/components/nhs";
import { useCheckedForm } from "@/components/admin/useCheckedForm";
import { errorSummary, type FormState } from "@/lib/forms/form-state";
import { QUESTION_KINDS, QUESTION_KIND_WORDS } from "@/lib/questions/definition";
import { questionCodeFromShortLabel } from "@/lib/questions/options-text";
import { QUESTION_FORM_FIELDS, questionFormSchema } from "@/lib/questions/question-forms";

/**
 * One question of a draft question set. Every field shows without JavaScript (the hints say which kinds
 * they are for). With JavaScript the code is suggested from the short name, for a new question only:
 * a stored question's code stays, as its answers and rules are kept under it.
 */
export function QuestionForm({
  action,
  initial,
  isNew,
  submitLabel,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  initial: Record<string, string>;
  isNew: boolean;
  submitLabel: string;
}) {
  const { errors, values, formAction, pending, check } = useCheckedForm(
    questionFormSchema,
    QUESTION_FORM_FIELDS,
    action,
    initial,
  );
  const [code, setCode] = useState(values.code ?? "");
  const [codeTouched, setCodeTouched] = useState(!isNew || (values.code ?? "") !== "");
  return (
    <form action={formAction} onSubmit={check} noValidate>
      <ErrorSummary
        errors={errorSummary(errors, ["form", ...QUESTION_FORM_FIELDS]).map((e) =>
          e.href === "#form" ? { ...e, href: "#form-error" } : e.href === "#kind" ? { ...e, href: "#kind" } : e,
        )}
      />
      {errors.form ? (
        <div className="nhsuk-error-message" id="form-error" tabIndex={-1}>
          {errors.form.split(/(?<=\.) /).map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      ) : null}
      <Radios
        id="kind"
        name="kind"
        legend="Type of question"
        legendSize="s"
        items={QUESTION_KINDS.map((k) => ({ value: k, label: QUESTION_KIND_WORDS[k] }))}
        defaultValue={values.kind}
        error={errors.kind}
      />
      <TextInput
        id="label"
        name="label"
        label="Question"
        labelSize="s"
        hint="As people read it, like “Which staff group are you in?”"
        defaultValue={values.label}
        error={errors.label}
      />
      <TextInput
        id="shortLabel"
        name="shortLabel"
        label="Short name"
        labelSize="s"
        hint="A few words that stand for the question on check-your-answers, in filters and in exports, like “Staff group”."
        width={30}
        defaultValue={values.shortLabel}
        error={errors.shortLabel}
        onChange={(e) => {
          if (!codeTouched) setCode(questionCodeFromShortLabel(e.currentTarget.value));
        }}
      />
      <TextInput
        id="code"
        name="code"
        label="Code"
        labelSize="s"
        hint={
          isNew
            ? "How answers are stored and rules name the question: a lower-case letter, then letters and digits, like staffGroup. Made from the short name if you leave it; it cannot change once published."
            : "How answers are stored and rules name the question. Keep it unless the question now asks something else."
        }
        width={20}
        spellCheck={false}
        autoComplete="off"
        value={code}
        onChange={(e) => {
          setCode(e.currentTarget.value);
          setCodeTouched(true);
        }}
        error={errors.code}
      />
      <Textarea
        id="hint"
        name="hint"
        label="Hint (optional)"
        labelSize="s"
        rows={2}
        defaultValue={values.hint}
        error={errors.hint}
      />
      <Radios
        id="required"
        name="required"
        legend="Answer required"
        legendSize="s"
        inline
        items={[
          { value: "yes", label: "Yes" },
          { value: "no", label: "No" },
        ]}
        defaultValue={values.required}
        error={errors.required}
      />
      <Textarea
        id="options"
        name="options"
        label="Options"
        labelSize="s"
        hint="For one choice or several choices from a list: one option per line. Write “code: Label” to give an option its code, or just the label to have one made for it. Yes or no questions have Yes and No."
        rows={6}
        spellCheck={false}
        defaultValue={values.options}
        error={errors.options}
      />
      <TextInput
        id="min"
        name="min"
        label="Smallest answer (optional)"
        labelSize="s"
        hint="For number questions only."
        inputMode="numeric"
        width={5}
        defaultValue={values.min}
        error={errors.min}
      />
      <TextInput
        id="max"
        name="max"
        label="Largest answer (optional)"
        labelSize="s"
        hint="For number questions only."
        inputMode="numeric"
        width={5}
        defaultValue={values.max}
        error={errors.max}
      />
      <Button disabled={pending}>{pending ? "Saving…" : submitLabel}</Button>
    </form>
  );
}
