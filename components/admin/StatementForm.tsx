"use client";

import { useActionState } from "react";
import { Button, ErrorSummary, Radios, Textarea, TextInput } from "@/components/nhs";
import { Disclosure } from "./Disclosure";
import type { FormState } from "@/lib/forms/form-state";

/**
 * One consent statement: its words, whether agreeing is required to take part, and its stable key. Several
 * of these share a page (one per statement, and one to add), so every id carries the form's own prefix.
 */
export function StatementForm({
  action,
  prefix,
  initial,
  submitLabel,
  disclosure,
}: {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  prefix: string;
  initial: { text: string; required: string; key: string };
  submitLabel: string;
  /** Folds the form away under this summary (opened when it has errors). */
  disclosure?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state?.errors ?? {};
  const values = state?.values ?? initial;
  const id = (field: string) => `${prefix}-${field}`;
  const summary = (["text", "required", "key"] as const)
    .filter((f) => errors[f])
    .map((f) => ({ href: `#${id(f)}`, text: errors[f]! }));
  return (
    <Disclosure summary={disclosure} open={summary.length > 0}>
      <form action={formAction} noValidate>
        <ErrorSummary id={id("errors")} errors={summary} />
        <Textarea
          id={id("text")}
          name="text"
          label="Statement"
          labelSize="s"
          hint="Written as the participant agrees to it, like “I agree to my interview being audio recorded.”"
          rows={4}
          defaultValue={values.text}
          error={errors.text}
        />
        <Radios
          id={id("required")}
          name="required"
          legend="Must people agree to this to take part?"
          legendSize="s"
          items={[
            { value: "yes", label: "Yes, it is required", hint: "People tick “I agree”" },
            { value: "no", label: "No, it is optional", hint: "People answer yes or no, and take part either way" },
          ]}
          defaultValue={values.required}
          error={errors.required}
        />
        <TextInput
          id={id("key")}
          name="key"
          label="Key"
          labelSize="s"
          hint="A short name that stays the same across versions, for reports and the consent register, like recording"
          width={20}
          autoComplete="off"
          spellCheck={false}
          defaultValue={values.key}
          error={errors.key}
        />
        <Button variant="secondary" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
      </form>
    </Disclosure>
  );
}
