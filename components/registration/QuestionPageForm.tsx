"use client";

import { useMemo, type ReactNode } from "react";
import { Checkboxes, Radios, TextInput, Textarea } from "@/components/nhs";
import type { InputWidth } from "@/components/nhs/form/TextInput";
import { conditionHolds, pageAnswerSchema } from "@/lib/questions/answer-schema";
import type { AnswerCondition, Question, QuestionPage } from "@/lib/questions/definition";
import { QUESTION_SET_VERSION_FIELD } from "@/lib/registration/step-checks";
import { ContinueButton, Honeypot, StepErrors, StepHeading } from "./StepFormParts";
import { useHasJavaScript, useStepForm, type StepAction } from "./use-step-form";

export type QuestionPageFormProps = {
  /** The server action the page posts to (saveRegistrationStep bound to the page), or a preview's own. */
  action: StepAction;
  /** The answers saved so far, by code (earlier pages' answers too: conditions may read them). */
  saved: Record<string, unknown>;
  /** "Register your interest: step 2 of 4". */
  caption: string;
  page: QuestionPage;
  /** Questions of the set's earlier pages, which a showWhen or requiredWhen on this page may name. */
  earlierQuestions: readonly Question[];
  /** The question set version the page was drawn from, posted in a hidden field and checked on the server. */
  questionSetVersionId: string;
};

const WIDTHS: readonly InputWidth[] = [2, 3, 4, 5, 10, 20, 30];

function inputWidth(width: number | undefined): InputWidth | undefined {
  if (width === undefined) return undefined;
  return WIDTHS.find((w) => w >= width) ?? 30;
}

type Block = { when: (AnswerCondition & { hint?: string }) | undefined; questions: Question[] };

/** Consecutive questions asked under the same condition share one inset block, as the call's partnership details do. */
function blocksOf(questions: readonly Question[]): Block[] {
  const blocks: Block[] = [];
  for (const q of questions) {
    const last = blocks[blocks.length - 1];
    const same =
      last?.when !== undefined &&
      q.showWhen !== undefined &&
      last.when.question === q.showWhen.question &&
      last.when.oneOf.join() === q.showWhen.oneOf.join() &&
      last.when.hint === q.showWhen.hint;
    if (same) last.questions.push(q);
    else blocks.push({ when: q.showWhen, questions: [q] });
  }
  return blocks;
}

/**
 * A page of screening questions drawn from its definition: each question with the NHS component for its
 * kind, the same zod schema as the server action (lib/questions/answer-schema.ts), and the questions
 * asked only after an earlier answer revealed when that answer is given (with JavaScript), or all shown
 * with the condition as a hint (without).
 */
export function QuestionPageForm({
  action,
  saved,
  caption,
  page,
  earlierQuestions,
  questionSetVersionId,
}: QuestionPageFormProps) {
  const schema = useMemo(() => pageAnswerSchema(page, earlierQuestions), [page, earlierQuestions]);
  const { form, errors, pending, formAction, onSubmit, text, list } = useStepForm(schema, action, saved);
  const enhanced = useHasJavaScript();
  const watched = form.watch();
  const fieldOrder = page.questions.map((q) => q.code);

  const field = (q: Question): ReactNode => {
    const common = { id: q.code, error: errors[q.code], ...form.register(q.code) };
    const items = (q.options ?? []).map((o) => ({ value: o.code, label: o.label, hint: o.hint }));
    switch (q.kind) {
      case "yes-no":
      case "one-choice":
        return (
          <Radios
            key={q.code}
            legend={q.label}
            legendSize="s"
            hint={q.hint}
            inline={q.inline}
            items={items}
            defaultValue={text(q.code)}
            {...common}
          />
        );
      case "several-choices":
        return (
          <Checkboxes
            key={q.code}
            legend={q.label}
            legendSize="s"
            hint={q.hint ?? "Select all that apply."}
            items={items}
            defaultValue={list(q.code)}
            {...common}
          />
        );
      case "long-text":
        return (
          <Textarea
            key={q.code}
            label={q.label}
            labelSize="s"
            hint={q.hint}
            rows={4}
            defaultValue={text(q.code)}
            {...common}
          />
        );
      case "short-text":
      case "number":
      case "date": {
        const given = text(q.code);
        const value = saved[q.code];
        const initial =
          given !== ""
            ? q.kind === "date"
              ? isoToDayMonthYear(given)
              : given
            : typeof value === "number"
              ? String(value)
              : "";
        const hint = q.hint ?? (q.kind === "date" ? "For example, 27 3 2024" : undefined);
        return (
          <TextInput
            key={q.code}
            label={q.label}
            labelSize="s"
            hint={hint}
            width={q.kind === "number" ? inputWidth(q.width ?? 5) : q.kind === "date" ? 10 : inputWidth(q.width)}
            inputMode={q.kind === "number" ? "numeric" : undefined}
            autoComplete={q.autocomplete}
            spellCheck={q.kind === "short-text" ? undefined : false}
            defaultValue={initial}
            {...common}
          />
        );
      }
    }
  };

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate>
      <StepErrors errors={errors} fieldOrder={fieldOrder} />
      <StepHeading caption={caption}>{page.title}</StepHeading>
      <input type="hidden" name={QUESTION_SET_VERSION_FIELD} value={questionSetVersionId} />
      {blocksOf(page.questions).map((block) => {
        if (!block.when) return block.questions.map(field);
        // Without JavaScript every question shows, with a hint saying when to answer it.
        const shown =
          !enhanced ||
          conditionHolds(block.when, { ...saved, ...watched }) ||
          block.questions.some((q) => errors[q.code]);
        if (!shown) return null;
        return (
          <div className="nhsuk-inset-text" key={`when-${block.questions[0]!.code}`}>
            <span className="nhsuk-u-visually-hidden">Information: </span>
            {enhanced || !block.when.hint ? null : <p className="nhsuk-hint">{block.when.hint}</p>}
            {block.questions.map(field)}
          </div>
        );
      })}
      <Honeypot />
      <ContinueButton pending={pending} />
    </form>
  );
}

/** A stored "2024-03-27" as the person would type it, "27 3 2024". */
function isoToDayMonthYear(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${Number(match[3])} ${Number(match[2])} ${match[1]}` : iso;
}
