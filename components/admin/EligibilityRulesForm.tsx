"use client";

import { useActionState } from "react";
import { Button, ErrorSummary, ErrorMessage, FormGroup, Hint, Label } from "@/components/nhs";
import type { CriterionWords } from "@/lib/studies/describe-eligibility-rules";
import type { FormState } from "@/lib/forms/form-state";
import { RuleWords } from "./RuleWords";

type State = FormState<{ preview?: CriterionWords[] }>;

/**
 * The eligibility rules as JSON, with "Preview" (the rules in words, nothing saved) and "Save". Every
 * problem found is listed, each saying where it is.
 */
export function EligibilityRulesForm({
  action,
  initial,
}: {
  action: (previous: State, formData: FormData) => Promise<State>;
  initial: { rules: string; expectedUpdatedAt: string };
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const values = state?.values ?? initial;
  const problems = state?.errors.rules?.split("\n") ?? [];
  return (
    <>
      <ErrorSummary errors={problems.map((text) => ({ href: "#rules", text }))} />
      {state?.preview ? (
        <section aria-labelledby="preview-heading" className="app-preview">
          <h2 className="nhsuk-heading-m" id="preview-heading">
            Preview: the rules in words
          </h2>
          <p>Nothing has been saved yet.</p>
          <RuleWords criteria={state.preview} />
        </section>
      ) : null}
      <form action={formAction} noValidate>
        <input type="hidden" name="expectedUpdatedAt" value={values.expectedUpdatedAt} />
        <FormGroup error={problems.length > 0}>
          <Label htmlFor="rules" size="s">
            Eligibility rules (JSON)
          </Label>
          <Hint id="rules-hint">
            A list of criteria: everyone who meets all of them is eligible. Each criterion has an id, the description
            the public reads, the reason given to someone who does not meet it, and a condition on their answers.
          </Hint>
          {problems.length > 0 ? (
            <ErrorMessage id="rules-error">
              {problems.length === 1
                ? problems[0]
                : `There are ${problems.length} problems with the rules: see the list at the top of the page`}
            </ErrorMessage>
          ) : null}
          <textarea
            className={`nhsuk-textarea app-code-textarea${problems.length ? " nhsuk-textarea--error" : ""}`}
            id="rules"
            name="rules"
            rows={24}
            spellCheck={false}
            autoCapitalize="off"
            autoCorrect="off"
            defaultValue={values.rules}
            aria-describedby={`rules-hint${problems.length ? " rules-error" : ""}`}
            aria-invalid={problems.length ? true : undefined}
          />
        </FormGroup>
        <div className="nhsuk-button-group">
          <Button variant="secondary" name="intent" value="preview" disabled={pending}>
            Preview
          </Button>
          <Button name="intent" value="save" disabled={pending}>
            {pending ? "Saving…" : "Save the rules"}
          </Button>
        </div>
      </form>
    </>
  );
}
