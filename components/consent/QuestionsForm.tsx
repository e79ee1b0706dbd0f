"use client";

import { useActionState } from "react";
import { Button, ErrorSummary, Panel, Textarea } from "@/components/nhs";
import { errorSummary } from "@/lib/forms/form-state";
import type { QuestionsState } from "@/lib/consent/consent-form-state";

/** Asking to speak to the team first: one optional message, sent to the study team. */
export function QuestionsForm({
  action,
  studyTitle,
}: {
  action: (previous: QuestionsState, formData: FormData) => Promise<QuestionsState>;
  studyTitle: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.sent) {
    return (
      <Panel heading="We have told the study team" headingLevel={2}>
        <p>
          A member of the team will contact you about {studyTitle}. Your link to the consent form still works whenever
          you are ready.
        </p>
      </Panel>
    );
  }
  return (
    <form action={formAction}>
      <ErrorSummary errors={errorSummary(state?.errors ?? {}, ["message"])} />
      <Textarea
        id="message"
        name="message"
        label="What would you like to ask or talk about? (optional)"
        hint="The team will contact you by email, or by phone if you gave us your number. Do not include any patient information."
        rows={5}
        maxLength={1000}
        defaultValue={state?.values.message ?? ""}
        error={state?.errors.message}
      />
      <Button disabled={pending}>{pending ? "Sending…" : "Ask the team to contact me"}</Button>
    </form>
  );
}
