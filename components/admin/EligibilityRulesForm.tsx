"use client";

import { useActionState, useState, useSyncExternalStore } from "react";
import {
  Button,
  Checkboxes,
  ErrorSummary,
  Fieldset,
  InsetText,
  Radios,
  TextInput,
  Textarea,
  WarningCallout,
} from "@/components/nhs";
import { testAnswerField } from "@/lib/eligibility/test-answers";
import type { EligibilityCondition } from "@/lib/eligibility/rules";
import { errorSummary } from "@/lib/forms/form-state";
import { CHOICE_KINDS, type Question } from "@/lib/questions/definition";
import { describeCondition, type ConditionWords } from "@/lib/studies/describe-eligibility-rules";
import { draftFieldOrder, fieldName, type ConditionDraft, type CriterionDraft } from "@/lib/studies/rules-form";
import type { RulesFormState } from "@/lib/studies/rules-form-state";
import { SelectField } from "./SelectField";

const noSubscription = () => () => {};

/** True once scripts run: the buttons that only redraw the page for people without JavaScript then hide. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

function Hidden({ name, value }: { name: string; value: string | number }) {
  return <input type="hidden" name={name} value={value} />;
}

function Words({ words }: { words: ConditionWords }) {
  return (
    <>
      {words.text}
      {words.parts.length > 0 ? (
        <ul className="nhsuk-list nhsuk-list--bullet nhsuk-u-margin-bottom-0">
          {words.parts.map((part, index) => (
            <li key={index}>
              <Words words={part} />
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function ConditionRow({
  i,
  j,
  count,
  row,
  questions,
  errors,
  hydrated,
}: {
  i: number;
  j: number;
  count: number;
  row: ConditionDraft;
  questions: readonly Question[];
  errors: Record<string, string>;
  hydrated: boolean;
}) {
  const [code, setCode] = useState(row.question);
  const question = questions.find((q) => q.code === code);
  const name = (f: "question" | "answers" | "atLeast" | "atMost") => fieldName.condition(i, j, f);
  const where = ` (condition ${j + 1} of criterion ${i + 1})`;
  const hidden = <span className="nhsuk-u-visually-hidden">{where}</span>;
  const options = [
    { value: "", label: "Choose a question" },
    ...questions.map((q) => ({ value: q.code, label: q.shortLabel })),
    ...(code && !question && code === row.question ? [{ value: code, label: `“${code}” (no longer asked)` }] : []),
  ];
  const choice = question ? CHOICE_KINDS.includes(question.kind) : code === row.question && row.answers.length > 0;
  const ranged = question
    ? question.kind === "number" || question.kind === "date"
    : code === row.question && !choice && (row.atLeast !== "" || row.atMost !== "");
  const dated = question?.kind === "date";
  const offered = question?.options ?? [];
  const gone = code === row.question ? row.answers.filter((a) => !offered.some((o) => o.code === a)) : [];
  return (
    <Fieldset legend={`Condition ${j + 1}`} legendSize="s">
      <SelectField
        id={name("question")}
        name={name("question")}
        label="Question"
        error={errors[name("question")]}
        options={options}
        defaultValue={row.question}
        onChange={(event) => setCode(event.currentTarget.value)}
      />
      {hydrated ? null : (
        <Button variant="secondary" small name="intent" value="refresh">
          Show the answers to choose from{hidden}
        </Button>
      )}
      {!code ? null : choice ? (
        <Checkboxes
          id={name("answers")}
          name={name("answers")}
          legend="Answers that meet it"
          legendSize="s"
          hint="Someone meets the condition when their answer is one of these."
          error={errors[name("answers")]}
          small
          defaultValue={code === row.question ? row.answers : []}
          items={[
            ...offered.map((o) => ({ value: o.code, label: o.label })),
            ...gone.map((a) => ({ value: a, label: `“${a}” (no longer offered)` })),
          ]}
        />
      ) : ranged ? (
        <>
          <TextInput
            id={name("atLeast")}
            name={name("atLeast")}
            label={dated ? "Earliest date that meets it" : "Lowest answer that meets it"}
            hint={dated ? "For example, 2026-03-27. Leave empty for no earliest date." : "Leave empty for no lowest."}
            error={errors[name("atLeast")]}
            width={10}
            inputMode={dated ? undefined : "numeric"}
            defaultValue={code === row.question ? row.atLeast : ""}
          />
          <TextInput
            id={name("atMost")}
            name={name("atMost")}
            label={dated ? "Latest date that meets it" : "Highest answer that meets it"}
            hint={dated ? "For example, 2026-03-27. Leave empty for no latest date." : "Leave empty for no highest."}
            error={errors[name("atMost")]}
            width={10}
            inputMode={dated ? undefined : "numeric"}
            defaultValue={code === row.question ? row.atMost : ""}
          />
        </>
      ) : question ? (
        <p>Met when the question is answered.</p>
      ) : null}
      <div className="nhsuk-button-group">
        {j > 0 ? (
          <Button variant="secondary" small name="intent" value={`up-${i}-${j}`}>
            Move condition up{hidden}
          </Button>
        ) : null}
        {j < count - 1 ? (
          <Button variant="secondary" small name="intent" value={`down-${i}-${j}`}>
            Move condition down{hidden}
          </Button>
        ) : null}
        <Button variant="secondary" small name="intent" value={`remove-condition-${i}-${j}`}>
          Remove this condition{hidden}
        </Button>
      </div>
    </Fieldset>
  );
}

function Criterion({
  i,
  count,
  criterion,
  questions,
  errors,
  hydrated,
}: {
  i: number;
  count: number;
  criterion: CriterionDraft;
  questions: readonly Question[];
  errors: Record<string, string>;
  hydrated: boolean;
}) {
  const c = (f: Parameters<typeof fieldName.criterion>[1]) => fieldName.criterion(i, f);
  const hidden = <span className="nhsuk-u-visually-hidden"> (criterion {i + 1})</span>;
  let kept: ConditionWords | null = null;
  if (criterion.kept) {
    try {
      kept = describeCondition(JSON.parse(criterion.kept) as EligibilityCondition, questions);
    } catch {
      kept = { text: "These conditions cannot be read.", parts: [] };
    }
  }
  return (
    <div className="nhsuk-card">
      <div className="nhsuk-card__content">
        <Fieldset legend={`Criterion ${i + 1}`} legendSize="m">
          <Hidden name={c("id")} value={criterion.id} />
          <Hidden name={c("idFor")} value={criterion.idFor} />
          <Hidden name={c("conditionsCount")} value={criterion.conditions.length} />
          {criterion.kept ? <Hidden name={c("kept")} value={criterion.kept} /> : null}
          <Textarea
            id={c("description")}
            name={c("description")}
            label="What the public reads"
            hint="Shown under “Who can take part”, for example “You work in the NHS now”."
            error={errors[c("description")]}
            rows={2}
            defaultValue={criterion.description}
          />
          <Textarea
            id={c("unmetReason")}
            name={c("unmetReason")}
            label="What someone who does not meet it is told"
            hint="In plain words, for example “This study is for people who work in the NHS now.”"
            error={errors[c("unmetReason")]}
            rows={2}
            defaultValue={criterion.unmetReason}
          />
          {kept ? (
            <InsetText>
              <p>
                These conditions are nested more deeply than this form can change, so they are kept as they are. You can
                change the words above, move the criterion or remove it.
              </p>
              <Words words={kept} />
            </InsetText>
          ) : (
            <>
              <Radios
                id={c("match")}
                name={c("match")}
                legend="Meets it when"
                legendSize="s"
                inline
                small
                defaultValue={criterion.match}
                items={[
                  { value: "all", label: "All of its conditions are met" },
                  { value: "any", label: "Any one of its conditions is met" },
                ]}
              />
              {criterion.conditions.map((row, j) => (
                <ConditionRow
                  key={j}
                  i={i}
                  j={j}
                  count={criterion.conditions.length}
                  row={row}
                  questions={questions}
                  errors={errors}
                  hydrated={hydrated}
                />
              ))}
              <Button variant="secondary" name="intent" value={`add-condition-${i}`}>
                Add another condition{hidden}
              </Button>
            </>
          )}
          <div className="nhsuk-button-group">
            {i > 0 ? (
              <Button variant="secondary" small name="intent" value={`up-${i}`}>
                Move criterion up{hidden}
              </Button>
            ) : null}
            {i < count - 1 ? (
              <Button variant="secondary" small name="intent" value={`down-${i}`}>
                Move criterion down{hidden}
              </Button>
            ) : null}
            <Button variant="warning" small name="intent" value={`remove-criterion-${i}`}>
              Remove this criterion{hidden}
            </Button>
          </div>
        </Fieldset>
      </div>
    </div>
  );
}

function TestAnswer({ question, values, error }: { question: Question; values: string[]; error: string | undefined }) {
  const id = testAnswerField(question.code);
  const items = (question.options ?? []).map((o) => ({ value: o.code, label: o.label }));
  if (question.kind === "several-choices") {
    return (
      <Checkboxes
        id={id}
        name={id}
        legend={question.label}
        legendSize="s"
        small
        error={error}
        items={items}
        defaultValue={values}
      />
    );
  }
  if (CHOICE_KINDS.includes(question.kind)) {
    return (
      <Radios
        id={id}
        name={id}
        legend={question.label}
        legendSize="s"
        small
        inline={question.kind === "yes-no"}
        error={error}
        items={[...items, { value: "", label: "Not answered" }]}
        defaultValue={values[0] ?? ""}
      />
    );
  }
  return (
    <TextInput
      id={id}
      name={id}
      label={question.label}
      labelSize="s"
      hint={question.kind === "date" ? "For example, 2026-03-27" : undefined}
      error={error}
      width={question.kind === "number" || question.kind === "date" ? 10 : undefined}
      inputMode={question.kind === "number" ? "numeric" : undefined}
      defaultValue={values[0] ?? ""}
    />
  );
}

/**
 * The eligibility rules as a form of criteria and conditions, with a panel to test them on made-up answers
 * before saving. Every button posts the whole form to one action, so it all works without JavaScript;
 * with it, choosing a question shows its answers at once.
 */
export function EligibilityRulesForm({
  action,
  initial,
  questions,
}: {
  action: (previous: RulesFormState, formData: FormData) => Promise<RulesFormState>;
  initial: RulesFormState;
  questions: Question[];
}) {
  const [state, formAction, pending] = useActionState(action, initial);
  const hydrated = useHydrated();
  const { draft, errors } = state;
  const summary = [
    ...state.problems.map((text) => ({ href: "#criteria", text })),
    ...errorSummary(errors, [...draftFieldOrder(draft), ...questions.map((q) => testAnswerField(q.code))]),
  ];
  return (
    <form action={formAction} noValidate key={state.revision}>
      <ErrorSummary errors={summary} />
      {/* Enter in a field presses the form's first button: this one, which only draws the form again. */}
      <button
        type="submit"
        name="intent"
        value="refresh"
        className="nhsuk-u-visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
      >
        Update
      </button>
      <Hidden name="expectedUpdatedAt" value={state.expectedUpdatedAt} />
      <Hidden name="criteriaCount" value={draft.criteria.length} />
      {state.warning ? (
        <WarningCallout heading="Check what changes for people already registered" headingLevel={2}>
          <p>Under the new rules, against the answers people gave when they registered:</p>
          <ul>
            {state.warning.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p>
            Saving does not change anyone&apos;s recorded outcome. The new rules decide for people who register from now
            on. To apply them to people already registered, check everyone again after saving.
          </p>
          <Hidden name="fingerprint" value={state.warning.fingerprint} />
          <Button name="intent" value="confirm" disabled={pending}>
            Save the new rules
          </Button>
        </WarningCallout>
      ) : null}
      <div id="criteria" tabIndex={-1}>
        {draft.criteria.length === 0 ? (
          <p>There are no criteria yet: everyone who registers would be eligible.</p>
        ) : null}
        {draft.criteria.map((criterion, i) => (
          <Criterion
            key={i}
            i={i}
            count={draft.criteria.length}
            criterion={criterion}
            questions={questions}
            errors={errors}
            hydrated={hydrated}
          />
        ))}
      </div>
      <Button variant="secondary" name="intent" value="add-criterion">
        Add another criterion
      </Button>

      <section aria-labelledby="test-heading" className="nhsuk-u-margin-bottom-6">
        <h2 className="nhsuk-heading-m" id="test-heading">
          Test these rules
        </h2>
        <p>
          Give answers as someone registering might, to see whether they would be eligible under the rules above as they
          stand now, saved or not. Nothing is stored.
        </p>
        {questions.map((q) => (
          <TestAnswer
            key={q.code}
            question={q}
            values={state.testValues[q.code] ?? []}
            error={errors[testAnswerField(q.code)]}
          />
        ))}
        <Button variant="secondary" name="intent" value="test" disabled={pending}>
          Test these rules
        </Button>
        <div aria-live="polite" id="test-result">
          {state.testResult ? (
            <div className="nhsuk-inset-text">
              <h3 className="nhsuk-heading-s">{state.testResult.eligible ? "Eligible" : "Not eligible"}</h3>
              {state.testResult.eligible ? (
                <p>Someone with these answers meets every criterion.</p>
              ) : (
                <>
                  <p>They would be told:</p>
                  <ul>
                    {state.testResult.reasons.map((reason, index) => (
                      <li key={index}>{reason}</li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          ) : null}
        </div>
      </section>

      <Button name="intent" value="save" disabled={pending}>
        {pending ? "Saving…" : "Save the rules"}
      </Button>
    </form>
  );
}
