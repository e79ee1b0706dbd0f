"use server";

import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import type { ActionButtonState } from "@/components/admin/ActionButton";
import { firstErrorPerField, formValues, type FormState } from "@/lib/forms/form-state";
import { ActionError } from "@/lib/forms/action-error";
import {
  addConsentStatement,
  createConsentFormDraft,
  moveConsentStatement,
  removeConsentStatement,
  updateConsentFormDraft,
  updateConsentStatement,
} from "@/lib/studies/consent-form-drafts";
import {
  consentFormDetailsSchema,
  consentStatementFormSchema,
  informationSheetFormSchema,
  newConsentFormSchema,
} from "@/lib/studies/document-forms";
import { findStudyForAdmin } from "@/lib/studies/find-study";
import {
  createInformationSheetDraft,
  publishInformationSheet,
  updateInformationSheetDraft,
} from "@/lib/studies/information-sheet-drafts";
import { publishStudyConsentForm } from "@/lib/studies/publish-study-consent-form";
import { settingsFormValues, studySettingsFormSchema } from "@/lib/studies/study-settings-form";
import { CHANGED_MEANWHILE, updateStudySettings } from "@/lib/studies/update-study-settings";
import { requireResearcher, type Researcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { parseDocument, type DocumentBlock } from "@/lib/documents/parse-document";
import { wakeOutboxWorker } from "@/lib/email/outbox-worker";

/**
 * The server actions of a study's pages. Each starts by checking for an admin, parses the form with its
 * one schema, calls one function of lib/studies (which checks again and audits) and redirects to a
 * page that confirms what was done, or returns the errors to show. Ids bound to an action reach the
 * browser and can be altered, so they are checked like any form field.
 */

async function studyOf(actor: Researcher, slug: string) {
  const study = await findStudyForAdmin(getDb(), actor, slug);
  if (!study) notFound();
  return study;
}

function idOf(value: string): string {
  if (!z.uuid().safeParse(value).success) notFound();
  return value;
}

/** An expected refusal as form errors; anything else goes on to the error page. */
function refusal(error: unknown, fallbackField = "form"): Record<string, string> {
  if (error instanceof ActionError) return { [error.field ?? fallbackField]: error.message };
  throw error;
}

/** Every field of the settings form, as its schema names them: a field added there is read here too. */
const SETTINGS_FIELDS = Object.keys(studySettingsFormSchema.shape);

export async function saveStudySettingsAction(
  slug: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const researcher = await requireResearcher("ADMIN");
  const study = await studyOf(researcher, slug);
  const values = formValues(formData, SETTINGS_FIELDS);
  const parsed = studySettingsFormSchema.safeParse(values);
  if (!parsed.success) return { errors: firstErrorPerField(parsed.error), values };
  const { expectedUpdatedAt, ...settings } = parsed.data;
  try {
    await updateStudySettings(getDb(), researcher, {
      studyId: study.id,
      settings,
      expectedUpdatedAt: new Date(expectedUpdatedAt),
    });
  } catch (error) {
    // Someone else saved first: show their settings, as the message asks the person to check them.
    if (error instanceof ActionError && error.message === CHANGED_MEANWHILE) {
      return { errors: { form: CHANGED_MEANWHILE }, values: settingsFormValues(await studyOf(researcher, slug)) };
    }
    return { errors: refusal(error), values };
  }
  redirect(`/admin/studies/${study.slug}?done=settings`);
}

export type SheetFormState = FormState<{ preview?: DocumentBlock[] }>;

/** Creates a draft information sheet (sheetId null) or saves one; "Preview" shows the text as it will look. */
export async function saveInformationSheetAction(
  slug: string,
  sheetId: string | null,
  _previous: SheetFormState,
  formData: FormData,
): Promise<SheetFormState> {
  const researcher = await requireResearcher("ADMIN");
  const study = await studyOf(researcher, slug);
  const values = formValues(formData, ["version", "versionDate", "title", "content", "intent"]);
  if (values.intent === "preview") return { errors: {}, values, preview: parseDocument(values.content!) };
  const parsed = informationSheetFormSchema.safeParse(values);
  if (!parsed.success) return { errors: firstErrorPerField(parsed.error), values };
  let id: string;
  try {
    if (sheetId === null)
      id = (await createInformationSheetDraft(getDb(), researcher, { studyId: study.id, sheet: parsed.data })).id;
    else {
      id = idOf(sheetId);
      await updateInformationSheetDraft(getDb(), researcher, { studyId: study.id, sheetId: id, sheet: parsed.data });
    }
  } catch (error) {
    return { errors: refusal(error), values };
  }
  redirect(`/admin/studies/${study.slug}/information-sheets/${id}?done=${sheetId === null ? "drafted" : "saved"}`);
}

export async function publishInformationSheetAction(
  slug: string,
  sheetId: string,
  _previous: ActionButtonState,
): Promise<ActionButtonState> {
  const researcher = await requireResearcher("ADMIN");
  const study = await studyOf(researcher, slug);
  try {
    await publishInformationSheet(getDb(), researcher, { studyId: study.id, sheetId: idOf(sheetId) });
  } catch (error) {
    return { error: refusal(error).form! };
  }
  redirect(`/admin/studies/${study.slug}?done=information-sheet-published`);
}

/** Creates a draft consent form (formId null) or saves a draft's details. */
export async function saveConsentFormAction(
  slug: string,
  formId: string | null,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const researcher = await requireResearcher("ADMIN");
  const study = await studyOf(researcher, slug);
  const values = formValues(formData, ["version", "versionDate", "title", "informationSheetId", "copyStatements"]);
  let id: string;
  try {
    if (formId === null) {
      const parsed = newConsentFormSchema.safeParse(values);
      if (!parsed.success) return { errors: firstErrorPerField(parsed.error), values };
      id = (
        await createConsentFormDraft(getDb(), researcher, {
          studyId: study.id,
          form: parsed.data,
          copyStatements: parsed.data.copyStatements,
        })
      ).id;
    } else {
      const parsed = consentFormDetailsSchema.safeParse(values);
      if (!parsed.success) return { errors: firstErrorPerField(parsed.error), values };
      id = idOf(formId);
      await updateConsentFormDraft(getDb(), researcher, { studyId: study.id, formId: id, form: parsed.data });
    }
  } catch (error) {
    return { errors: refusal(error), values };
  }
  redirect(`/admin/studies/${study.slug}/consent-forms/${id}?done=${formId === null ? "drafted" : "saved"}`);
}

/** Adds a statement to a draft (statementId null) or saves one. Field ids carry the statement's, as several forms share the page. */
export async function saveStatementAction(
  slug: string,
  formId: string,
  statementId: string | null,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const researcher = await requireResearcher("ADMIN");
  const study = await studyOf(researcher, slug);
  const values = formValues(formData, ["text", "required", "key"]);
  const parsed = consentStatementFormSchema.safeParse(values);
  if (!parsed.success) return { errors: firstErrorPerField(parsed.error), values };
  const form = idOf(formId);
  try {
    if (statementId === null)
      await addConsentStatement(getDb(), researcher, { studyId: study.id, formId: form, statement: parsed.data });
    else
      await updateConsentStatement(getDb(), researcher, {
        studyId: study.id,
        formId: form,
        statementId: idOf(statementId),
        statement: parsed.data,
      });
  } catch (error) {
    return { errors: refusal(error, "text"), values };
  }
  redirect(
    `/admin/studies/${study.slug}/consent-forms/${form}?done=${statementId === null ? "statement-added" : "statement-saved"}#statements`,
  );
}

export async function moveStatementAction(
  slug: string,
  formId: string,
  statementId: string,
  direction: "up" | "down",
  _previous: ActionButtonState,
): Promise<ActionButtonState> {
  const researcher = await requireResearcher("ADMIN");
  const study = await studyOf(researcher, slug);
  const form = idOf(formId);
  try {
    await moveConsentStatement(getDb(), researcher, {
      studyId: study.id,
      formId: form,
      statementId: idOf(statementId),
      direction: direction === "up" ? "up" : "down",
    });
  } catch (error) {
    return { error: refusal(error).form! };
  }
  redirect(`/admin/studies/${study.slug}/consent-forms/${form}?done=statement-moved#statements`);
}

export async function removeStatementAction(
  slug: string,
  formId: string,
  statementId: string,
  _previous: ActionButtonState,
): Promise<ActionButtonState> {
  const researcher = await requireResearcher("ADMIN");
  const study = await studyOf(researcher, slug);
  const form = idOf(formId);
  try {
    await removeConsentStatement(getDb(), researcher, {
      studyId: study.id,
      formId: form,
      statementId: idOf(statementId),
    });
  } catch (error) {
    return { error: refusal(error).form! };
  }
  redirect(`/admin/studies/${study.slug}/consent-forms/${form}?done=statement-removed#statements`);
}

/** Publishes a consent form, which asks everyone who signed an earlier version to re-consent. */
export async function publishConsentFormAction(
  slug: string,
  formId: string,
  _previous: ActionButtonState,
): Promise<ActionButtonState> {
  const researcher = await requireResearcher("ADMIN");
  const study = await studyOf(researcher, slug);
  const form = idOf(formId);
  try {
    await publishStudyConsentForm(getDb(), researcher, { studyId: study.id, formId: form });
  } catch (error) {
    return { error: refusal(error).form! };
  }
  // The re-consent invitations are in the outbox: send them now rather than at the next poll.
  wakeOutboxWorker();
  redirect(`/admin/studies/${study.slug}?done=consent-form-published&form=${form}`);
}
