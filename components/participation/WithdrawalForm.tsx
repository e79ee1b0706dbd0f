"use client";

import { useActionState } from "react";
import { Button, ErrorSummary, Radios, Textarea } from "@/components/nhs";
import { errorSummary, type FormState } from "@/lib/forms/form-state";

type Props = {
  action: (previous: FormState, formData: FormData) => Promise<FormState>;
  /** The studies the person can still withdraw from; with one chosen already, the choice is not asked. */
  studies: { id: string; title: string }[];
  preselected: string | null;
};

/** Withdrawing, with no reason needed: which study, what happens to data already given, an optional note. */
export function WithdrawalForm({ action, studies, preselected }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state?.errors ?? {};
  const values = state?.values ?? {};
  const summary = errorSummary(errors, ["from", "dataChoice", "reason"]);
  return (
    <form action={formAction}>
      <ErrorSummary errors={summary} />
      {preselected ? (
        <input type="hidden" name="from" value={preselected} />
      ) : (
        <Radios
          id="from"
          name="from"
          legend="Which study do you want to withdraw from?"
          legendSize="s"
          items={[...studies.map((s) => ({ value: s.id, label: s.title })), { value: "all", label: "All of them" }]}
          defaultValue={values.from}
          error={errors.from}
        />
      )}
      {preselected && errors.from ? <p className="nhsuk-error-message">{errors.from}</p> : null}
      <Radios
        id="dataChoice"
        name="dataChoice"
        legend="What should happen to the information you have already given?"
        legendSize="s"
        hint="Either way, we keep your signed consent form and a record of your withdrawal, as the ethics approval requires."
        items={[
          {
            value: "KEEP",
            label: "You can keep and use it",
            hint: "As explained in the participant information sheet.",
          },
          {
            value: "REMOVE",
            label: "Remove it where this is still possible",
            hint: "Information that has already been anonymised and used in analysis may not be removable.",
          },
        ]}
        defaultValue={values.dataChoice}
        error={errors.dataChoice}
      />
      <Textarea
        id="reason"
        name="reason"
        label="Would you like to tell us why? (optional)"
        hint="You do not need to give a reason."
        rows={4}
        maxLength={1000}
        defaultValue={values.reason ?? ""}
        error={errors.reason}
      />
      <Button variant="warning" disabled={pending}>
        {pending ? "Withdrawing…" : "Withdraw"}
      </Button>
    </form>
  );
}
