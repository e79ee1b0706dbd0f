"use server";

import { notFound, redirect } from "next/navigation";
import type { ActionButtonState } from "@/components/admin/ActionButton";
import { requireResearcher, type Researcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { ActionError } from "@/lib/forms/action-error";
import { firstErrorPerField, formValues, type FormState } from "@/lib/forms/form-state";
import {
  QUESTION_FORM_FIELDS,
  pageFormSchema,
  questionFormSchema,
  type DraftEdit,
} from "@/lib/questions/question-forms";
import {
  discardQuestionSetDraft,
  editQuestionSetDraft,
  publishQuestionSetDraft,
  startQuestionSetDraft,
} from "@/lib/questions/question-set-drafts";
import { findStudyForAdmin } from "@/lib/studies/find-study";

/**
 * The question builder's server actions: each checks for an admin, parses its form with its one schema,
 * makes one change through lib/questions/question-set-drafts (which checks the whole draft again, and
 * audits) and goes back to the builder, or returns the errors to show. Page slugs and codes bound to an
 * action reach the browser and can be altered: the library finds them in the draft or refuses.
 */

async function studyOf(actor: Researcher, slug: string) {
  const study = await findStudyForAdmin(getDb(), actor, slug);
  if (!study) notFound();
  return study;
}

const builder = (slug: string, done?: string) => `/admin/studies/${slug}/questions${done ? `?done=${done}` : ""}`;

async function edit(actor: Researcher, studyId: string, change: DraftEdit): Promise<string | null> {
  try {
    await editQuestionSetDraft(getDb(), actor, { studyId, edit: change });
    return null;
  } catch (error) {
    if (error instanceof ActionError) return error.message;
    throw error;
  }
}

export async function startDraftAction(slug: string, _previous: ActionButtonState): Promise<ActionButtonState> {
  const researcher = await requireResearcher("ADMIN");
  const study = await studyOf(researcher, slug);
  try {
    await startQuestionSetDraft(getDb(), researcher, { studyId: study.id });
  } catch (error) {
    if (error instanceof ActionError) return { error: error.message };
    throw error;
  }
  redirect(builder(study.slug, "started"));
}

export async function discardDraftAction(slug: string, _previous: ActionButtonState): Promise<ActionButtonState> {
  const researcher = await requireResearcher("ADMIN");
  const study = await studyOf(researcher, slug);
  try {
    await discardQuestionSetDraft(getDb(), researcher, { studyId: study.id });
  } catch (error) {
    if (error instanceof ActionError) return { error: error.message };
    throw error;
  }
  redirect(builder(study.slug, "discarded"));
}

/** Adds a page (pageSlug null) or renames one. */
export async function savePageAction(
  slug: string,
  pageSlug: string | null,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const researcher = await requireResearcher("ADMIN");
  const study = await studyOf(researcher, slug);
  const values = formValues(formData, ["title", "slug"]);
  const parsed = pageFormSchema.safeParse(values);
  if (!parsed.success) return { errors: firstErrorPerField(parsed.error), values };
  const problem = await edit(
    researcher,
    study.id,
    pageSlug === null ? { type: "add-page", page: parsed.data } : { type: "change-page", pageSlug, page: parsed.data },
  );
  if (problem) return { errors: { form: problem }, values };
  redirect(builder(study.slug, "saved"));
}

/** Adds a question to a page (code null) or changes one. */
export async function saveQuestionAction(
  slug: string,
  target: { pageSlug: string } | { code: string },
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const researcher = await requireResearcher("ADMIN");
  const study = await studyOf(researcher, slug);
  const values = formValues(formData, QUESTION_FORM_FIELDS);
  const parsed = questionFormSchema.safeParse(values);
  if (!parsed.success) return { errors: firstErrorPerField(parsed.error), values };
  const problem = await edit(
    researcher,
    study.id,
    "pageSlug" in target
      ? { type: "add-question", pageSlug: target.pageSlug, question: parsed.data }
      : { type: "change-question", code: target.code, question: parsed.data },
  );
  if (problem) return { errors: { form: problem }, values };
  redirect(builder(study.slug, "saved"));
}

/** Move up, move down, remove a question, remove a page: one button each. */
export async function draftButtonAction(
  slug: string,
  change: Extract<DraftEdit, { type: "move-question" | "remove-question" | "remove-page" }>,
  _previous: ActionButtonState,
): Promise<ActionButtonState> {
  const researcher = await requireResearcher("ADMIN");
  const study = await studyOf(researcher, slug);
  const problem = await edit(researcher, study.id, change);
  if (problem) return { error: problem };
  redirect(builder(study.slug, "saved"));
}

export async function publishDraftAction(
  slug: string,
  version: number,
  confirmed: boolean,
  _previous: ActionButtonState,
): Promise<ActionButtonState> {
  const researcher = await requireResearcher("ADMIN");
  const study = await studyOf(researcher, slug);
  let answer: Awaited<ReturnType<typeof publishQuestionSetDraft>>;
  try {
    answer = await publishQuestionSetDraft(getDb(), researcher, { studyId: study.id, version, confirmed });
  } catch (error) {
    if (error instanceof ActionError) return { error: error.message };
    throw error;
  }
  if ("needsConfirmation" in answer) redirect(`/admin/studies/${study.slug}/questions/publish`);
  redirect(builder(study.slug, `published-${answer.version}`));
}
