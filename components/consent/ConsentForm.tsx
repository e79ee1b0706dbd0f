"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useEffect, type FormEvent } from "react";
import { useForm, type FieldValues, type Resolver } from "react-hook-form";
import { Button, Checkboxes, ErrorSummary, Radios, SummaryList, TextInput } from "@/components/nhs";
import { consentAnswersSchema, statementField } from "@/lib/consent/consent-answers-schema";
import type { ConsentFormState } from "@/lib/consent/consent-form-state";

export type ConsentStatementView = { id: string; position: number; text: string; required: boolean };

type Props = {
  action: (previous: ConsentFormState, formData: FormData) => Promise<ConsentFormState>;
  consentFormId: string;
  statements: ConsentStatementView[];
  /** Today's date in words, shown beside the signature. */
  today: string;
};

/**
 * The e-consent form in the standard UK layout: each statement agreed one by one (required ones must be
 * agreed, optional ones are a free yes or no), the typed name as the signature, then a review of every
 * answer before confirming. Works as plain form posts without JavaScript; with it, the same zod schema
 * checks the answers in the browser first.
 */
export function ConsentForm({ action, consentFormId, statements, today }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const schema = consentAnswersSchema(statements);
  const form = useForm<FieldValues>({
    resolver: zodResolver(schema as never) as unknown as Resolver<FieldValues>,
    defaultValues: state?.values ?? {},
    shouldFocusError: false,
  });
  const clientErrors = Object.fromEntries(
    Object.entries(form.formState.errors).flatMap(([f, e]) => (typeof e?.message === "string" ? [[f, e.message]] : [])),
  );
  const serverErrors = state?.stage === "answer" ? state.errors : {};
  const errors: Record<string, string> = Object.keys(clientErrors).length > 0 ? clientErrors : serverErrors;
  const formError = state?.stage === "answer" ? state.formError : undefined;
  const values = state?.values ?? {};
  const text = (field: string) => (typeof values[field] === "string" ? (values[field] as string) : "");

  // Focus moves to the error summary after a submit, never while someone is correcting a field.
  const hasErrors = Object.keys(errors).length > 0 || Boolean(formError);
  const submitCount = form.formState.submitCount;
  useEffect(() => {
    if (hasErrors) document.getElementById("error-summary")?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new submit or a new server answer moves focus
  }, [submitCount, state]);
  useEffect(() => {
    if (state?.stage === "review") document.getElementById("review-heading")?.focus();
  }, [state]);

  if (state?.stage === "review") {
    return (
      <form action={formAction}>
        <input type="hidden" name="consentFormId" value={consentFormId} />
        {Object.entries(state.values).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={String(value)} />
        ))}
        <h2 className="nhsuk-heading-m" id="review-heading" tabIndex={-1}>
          Check your answers before you sign
        </h2>
        <SummaryList
          rows={[
            ...statements.map((s) => ({
              key: `Statement ${s.position}`,
              value: (
                <>
                  <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">{s.text}</p>
                  <strong>{s.required ? "Agreed" : state.values[statementField(s.id)] === "yes" ? "Yes" : "No"}</strong>
                </>
              ),
            })),
            { key: "Signed (typed name)", value: String(state.values.signedName) },
            { key: "Date", value: today },
          ]}
        />
        <p>By confirming, you sign this consent form. We will email you a copy and you can download it at any time.</p>
        <div className="nhsuk-button-group">
          <Button name="step" value="sign" disabled={pending}>
            {pending ? "Signing…" : "Confirm and sign"}
          </Button>
          <Button name="step" value="change" variant="secondary" disabled={pending}>
            Change your answers
          </Button>
        </div>
      </form>
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const element = event.currentTarget;
    void form.handleSubmit(() => {
      const data = new FormData(element);
      data.set("step", "review");
      startTransition(() => formAction(data));
    })(event);
  }

  const summary = [
    ...(formError ? [{ href: "#consent-statements", text: formError }] : []),
    ...statements
      .filter((s) => errors[statementField(s.id)])
      .map((s) => ({ href: `#${statementField(s.id)}`, text: errors[statementField(s.id)]! })),
    ...(errors.signedName ? [{ href: "#signedName", text: errors.signedName }] : []),
  ];

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={summary} />
      <input type="hidden" name="consentFormId" value={consentFormId} />
      <h2 className="nhsuk-heading-m" id="consent-statements">
        Please agree to each statement
      </h2>
      <p>
        Tick each statement to agree to it, as you would initial each box on a paper form. Statements marked optional
        are your choice.
      </p>
      {statements.map((s) => {
        const field = statementField(s.id);
        const legend = `Statement ${s.position}${s.required ? "" : " (optional)"}`;
        return s.required ? (
          <Checkboxes
            key={s.id}
            id={field}
            legend={legend}
            legendSize="s"
            hint={s.text}
            items={[{ value: "yes", label: "I agree" }]}
            defaultValue={text(field) === "yes" ? ["yes"] : []}
            error={errors[field]}
            {...form.register(field)}
          />
        ) : (
          <Radios
            key={s.id}
            id={field}
            legend={legend}
            legendSize="s"
            hint={s.text}
            inline
            items={[
              { value: "yes", label: "Yes" },
              { value: "no", label: "No" },
            ]}
            defaultValue={text(field)}
            error={errors[field]}
            {...form.register(field)}
          />
        );
      })}
      <h2 className="nhsuk-heading-m">Your signature</h2>
      <TextInput
        id="signedName"
        label="Type your full name"
        hint="Typing your name here is your signature."
        autoComplete="name"
        spellCheck={false}
        defaultValue={text("signedName")}
        error={errors.signedName}
        {...form.register("signedName")}
      />
      <p>
        <strong>Date:</strong> {today}
      </p>
      <Button name="step" value="review" disabled={pending}>
        {pending ? "Checking your answers…" : "Continue"}
      </Button>
    </form>
  );
}
