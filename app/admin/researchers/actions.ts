"use server";

import { notFound, redirect } from "next/navigation";
import type { ActionButtonState } from "@/components/admin/ActionButton";
import { firstErrorPerField, formValues, type FormState } from "@/lib/forms/form-state";
import { ActionError } from "@/lib/forms/action-error";
import {
  addResearcher,
  changeResearcherRole,
  resetResearcherAuthenticator,
  setResearcherDisabled,
  signResearcherOutEverywhere,
} from "@/lib/researchers/manage-researchers";
import {
  addResearcherFormSchema,
  researcherIdSchema,
  researcherRoleFormSchema,
} from "@/lib/researchers/researcher-forms";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { readEnv } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { wakeOutboxWorker } from "@/lib/email/outbox-worker";

/**
 * Researcher accounts' server actions: each checks for an admin first, then calls lib/researchers
 * (which checks again, refuses changes to one's own role or account, and audits).
 */

function idOf(value: string): string {
  if (!researcherIdSchema.safeParse(value).success) notFound();
  return value;
}

export async function addResearcherAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const researcher = await requireResearcher("ADMIN");
  const values = formValues(formData, ["email", "name", "role"]);
  const parsed = addResearcherFormSchema.safeParse(values);
  if (!parsed.success) return { errors: firstErrorPerField(parsed.error), values };
  let id: string;
  try {
    ({ id } = await addResearcher(getDb(), researcher, { ...parsed.data, publicUrl: readEnv().publicUrl }));
  } catch (error) {
    if (error instanceof ActionError) return { errors: { [error.field ?? "email"]: error.message }, values };
    throw error;
  }
  wakeOutboxWorker();
  redirect(`/admin/researchers/${id}?done=added`);
}

export async function changeRoleAction(
  researcherId: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const researcher = await requireResearcher("ADMIN");
  const id = idOf(researcherId);
  const values = formValues(formData, ["role"]);
  const parsed = researcherRoleFormSchema.safeParse(values);
  if (!parsed.success) return { errors: firstErrorPerField(parsed.error), values };
  try {
    await changeResearcherRole(getDb(), researcher, { researcherId: id, role: parsed.data.role });
  } catch (error) {
    if (error instanceof ActionError) return { errors: { role: error.message }, values };
    throw error;
  }
  redirect(`/admin/researchers/${id}?done=role`);
}

type AccountAction = "disable" | "enable" | "sign-out" | "reset-authenticator";

/** The account's buttons: disable or enable it, end its sessions, forget its authenticator app. */
export async function accountAction(
  researcherId: string,
  what: AccountAction,
  _previous: ActionButtonState,
): Promise<ActionButtonState> {
  const researcher = await requireResearcher("ADMIN");
  const id = idOf(researcherId);
  const db = getDb();
  try {
    if (what === "disable" || what === "enable")
      await setResearcherDisabled(db, researcher, { researcherId: id, disabled: what === "disable" });
    else if (what === "sign-out") await signResearcherOutEverywhere(db, researcher, { researcherId: id });
    else if (what === "reset-authenticator") await resetResearcherAuthenticator(db, researcher, { researcherId: id });
    else notFound();
  } catch (error) {
    if (error instanceof ActionError) return { error: error.message };
    throw error;
  }
  redirect(`/admin/researchers/${id}?done=${what}`);
}
