"use server";

import { redirect } from "next/navigation";
import { consentAnswersSchema } from "@/lib/consent/consent-answers-schema";
import { consentValues, type ConsentFormState, type QuestionsState } from "@/lib/consent/consent-form-state";
import { findConsentInvitation } from "@/lib/consent/consent-invitation";
import { askToSpeakToTeam, declineConsent } from "@/lib/consent/respond-without-signing";
import { signConsent } from "@/lib/consent/sign-consent";
import { getDb } from "@/lib/db/client";
import { firstErrorPerField } from "@/lib/forms/form-state";
import { ParticipationError } from "@/lib/participation/errors";

/**
 * The consent form's one action, in three steps chosen by the button pressed: check the answers and show
 * them for review, go back to change them, or confirm and sign. Only "sign" changes anything.
 */
export async function consentFormAction(
  token: string,
  _previous: ConsentFormState,
  formData: FormData,
): Promise<ConsentFormState> {
  const values = consentValues(formData);
  const step = formData.get("step");
  if (step === "change") return { stage: "answer", values, errors: {} };

  const invitation = await findConsentInvitation(getDb(), token);
  if (invitation.kind !== "ready") redirect(`/consent/${token}`);
  const consentFormId = String(formData.get("consentFormId") ?? "");

  if (step === "sign") {
    try {
      const result = await signConsent(getDb(), { token, consentFormId, values });
      if (result.kind === "invalid-answers") return { stage: "answer", values, errors: result.errors };
      redirect(`/manage/${result.manageToken}?signed=${result.recordId}`);
    } catch (error) {
      if (error instanceof ParticipationError) return { stage: "answer", values, errors: {}, formError: error.message };
      throw error;
    }
  }

  if (consentFormId !== invitation.form.id) {
    return {
      stage: "answer",
      values: {},
      errors: {},
      formError: "The consent form was updated after you opened it. Please read this version and answer again.",
    };
  }
  const parsed = consentAnswersSchema(invitation.form.statements).safeParse(values);
  if (!parsed.success) return { stage: "answer", values, errors: firstErrorPerField(parsed.error) };
  return { stage: "review", values, errors: {} };
}

export async function declineAction(token: string): Promise<void> {
  let manageToken: string;
  try {
    ({ manageToken } = await declineConsent(getDb(), { token }));
  } catch (error) {
    if (error instanceof ParticipationError) redirect(`/consent/${token}`);
    throw error;
  }
  redirect(`/manage/${manageToken}?declined=1`);
}

export async function askTeamAction(
  token: string,
  _previous: QuestionsState,
  formData: FormData,
): Promise<QuestionsState> {
  const raw = formData.get("message");
  const message = typeof raw === "string" && raw.trim() !== "" ? raw.trim() : null;
  if (message && message.length > 1000)
    return { errors: { message: "Your message must be 1000 characters or fewer" }, values: { message } };
  try {
    await askToSpeakToTeam(getDb(), { token, message });
  } catch (error) {
    if (error instanceof ParticipationError) redirect(`/consent/${token}`);
    throw error;
  }
  return { errors: {}, values: {}, sent: true };
}
