"use server";

import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { firstErrorPerField, formValues, type FormState } from "@/lib/forms/form-state";
import { refusalState } from "@/lib/scheduling/refusal-state";
import { cancelWorkshopSession } from "@/lib/workshops/cancel-workshop-session";
import { createWorkshopSession } from "@/lib/workshops/create-workshop-session";
import { sessionFormFields, sessionFormSchema } from "@/lib/workshops/session-form";
import { updateWorkshopSession } from "@/lib/workshops/update-workshop-session";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";

const slugSchema = z.string().regex(/^[a-z0-9-]{1,64}$/);

/** The study's slug and the session's id from the address: well formed, or a 404 before any query. */
function target(slug: string): { studySlug: string };
function target(slug: string, sessionId: string): { studySlug: string; sessionId: string };
function target(slug: string, sessionId?: string) {
  const studySlug = slugSchema.safeParse(slug);
  if (!studySlug.success) notFound();
  if (sessionId === undefined) return { studySlug: studySlug.data };
  const id = z.uuid().safeParse(sessionId);
  if (!id.success) notFound();
  return { studySlug: studySlug.data, sessionId: id.data };
}

export async function createSessionAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const researcher = await requireResearcher("ADMIN");
  const { studySlug } = target(slug);
  const values = formValues(formData, sessionFormFields);
  const parsed = sessionFormSchema.safeParse(values);
  if (!parsed.success) return { errors: firstErrorPerField(parsed.error), values };
  try {
    await createWorkshopSession(getDb(), researcher, { studySlug, ...parsed.data });
  } catch (error) {
    return refusalState(error, values);
  }
  redirect(`/admin/studies/${studySlug}/sessions?done=created`);
}

export async function updateSessionAction(
  slug: string,
  sessionId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const researcher = await requireResearcher("ADMIN");
  const ids = target(slug, sessionId);
  const values = formValues(formData, sessionFormFields);
  const parsed = sessionFormSchema.safeParse(values);
  if (!parsed.success) return { errors: firstErrorPerField(parsed.error), values };
  let offered: number;
  try {
    ({ offered } = await updateWorkshopSession(getDb(), researcher, { ...ids, ...parsed.data }));
  } catch (error) {
    return refusalState(error, values);
  }
  redirect(
    `/admin/studies/${ids.studySlug}/sessions/${ids.sessionId}?done=updated${offered > 0 ? `&offered=${offered}` : ""}`,
  );
}

export async function cancelSessionAction(
  slug: string,
  sessionId: string,
  _previous: FormState,
  _formData: FormData,
): Promise<FormState> {
  const researcher = await requireResearcher("ADMIN");
  const ids = target(slug, sessionId);
  try {
    await cancelWorkshopSession(getDb(), researcher, ids);
  } catch (error) {
    return refusalState(error, {});
  }
  redirect(`/admin/studies/${ids.studySlug}/sessions?done=cancelled`);
}
