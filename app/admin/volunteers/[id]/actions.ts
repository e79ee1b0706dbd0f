"use server";

import { notFound, redirect } from "next/navigation";
import { eraseVolunteerData } from "@/lib/volunteers/erase-volunteer-data";
import { ErasureConfirmationError, RecordNotFoundError } from "@/lib/volunteers/errors";
import {
  clearOverrideFormSchema,
  eraseFormSchema,
  inviteFormSchema,
  overrideEligibilityFormSchema,
  recordWithdrawalFormSchema,
} from "@/lib/volunteers/forms";
import { firstErrorPerField, formValues, type FormState } from "@/lib/forms/form-state";
import { inviteVolunteer } from "@/lib/volunteers/invite-volunteer";
import { clearEligibilityOverride, overrideEligibility } from "@/lib/volunteers/override-eligibility";
import { recordWithdrawal } from "@/lib/volunteers/record-withdrawal";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { ParticipationError } from "@/lib/participation/errors";

/**
 * The actions of a volunteer's page. Each checks the session (and role) first, parses the form with its
 * schema, and calls one function of lib/volunteers, which checks that every id in the form belongs
 * to the volunteer. Expected refusals come back as form errors; a success redirects to the page with
 * a confirmation.
 */

/** Known refusals as a form error on `field`; a record that is not this volunteer's is a 404. */
function refusal(error: unknown, field: string, values: Record<string, string>): FormState {
  if (error instanceof RecordNotFoundError) notFound();
  if (error instanceof ParticipationError) return { errors: { [field]: error.message }, values };
  throw error;
}

export async function inviteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const researcher = await requireResearcher();
  const values = formValues(formData, ["volunteerId", "participationId"]);
  const parsed = inviteFormSchema.safeParse(values);
  if (!parsed.success) notFound();
  let done: string;
  try {
    done = (await inviteVolunteer(getDb(), researcher, parsed.data)).kind;
  } catch (error) {
    return refusal(error, "invite", values);
  }
  redirect(`/admin/volunteers/${parsed.data.volunteerId}?done=${done}&study=${parsed.data.participationId}`);
}

export async function overrideEligibilityAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const researcher = await requireResearcher();
  const values = formValues(formData, ["volunteerId", "participationId", "outcome", "reason"]);
  const parsed = overrideEligibilityFormSchema.safeParse(values);
  if (!parsed.success) {
    const errors = firstErrorPerField(parsed.error);
    if (errors.volunteerId || errors.participationId) notFound();
    return { errors, values };
  }
  try {
    await overrideEligibility(getDb(), researcher, parsed.data);
  } catch (error) {
    return refusal(error, "outcome", values);
  }
  redirect(
    `/admin/volunteers/${parsed.data.volunteerId}?done=eligibility-overridden&study=${parsed.data.participationId}`,
  );
}

export async function clearOverrideAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const researcher = await requireResearcher();
  const values = formValues(formData, ["volunteerId", "participationId"]);
  const parsed = clearOverrideFormSchema.safeParse(values);
  if (!parsed.success) notFound();
  try {
    await clearEligibilityOverride(getDb(), researcher, parsed.data);
  } catch (error) {
    return refusal(error, "clear", values);
  }
  redirect(`/admin/volunteers/${parsed.data.volunteerId}?done=override-cleared&study=${parsed.data.participationId}`);
}

export async function recordWithdrawalAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const researcher = await requireResearcher();
  const values = formValues(formData, ["volunteerId", "from", "channel", "dataChoice", "reason"]);
  const parsed = recordWithdrawalFormSchema.safeParse(values);
  if (!parsed.success) {
    const errors = firstErrorPerField(parsed.error);
    if (errors.volunteerId) notFound();
    return { errors, values };
  }
  try {
    await recordWithdrawal(getDb(), researcher, { ...parsed.data, reason: parsed.data.reason ?? null });
  } catch (error) {
    return refusal(error, "from", values);
  }
  redirect(`/admin/volunteers/${parsed.data.volunteerId}?done=withdrawn`);
}

export async function eraseAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const researcher = await requireResearcher("ADMIN");
  const values = formValues(formData, ["volunteerId", "confirmEmail"]);
  const parsed = eraseFormSchema.safeParse(values);
  if (!parsed.success) {
    const errors = firstErrorPerField(parsed.error);
    if (errors.volunteerId) notFound();
    return { errors, values };
  }
  try {
    await eraseVolunteerData(getDb(), researcher, parsed.data);
  } catch (error) {
    if (error instanceof ErasureConfirmationError) return { errors: { confirmEmail: error.message }, values };
    return refusal(error, "confirmEmail", values);
  }
  redirect(`/admin/volunteers/${parsed.data.volunteerId}?done=erased`);
}
