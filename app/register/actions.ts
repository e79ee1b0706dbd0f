"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { readEnv } from "@/lib/config/env";
import type { FormState, FormValues } from "@/lib/forms/form-state";
import { createDraft, DRAFT_LIFETIME_HOURS, findDraft, submitDraft } from "@/lib/registration/drafts";
import { firstIncompletePath } from "@/lib/registration/journey";
import { checkDraftForSubmit, saveStepPost } from "@/lib/registration/save-step";
import { listRecruitingStudies } from "@/lib/studies/recruiting-studies";
import { clientKeyFromHeaders } from "@/lib/security/client-address";
import { consumeRateLimit, type RateLimitedAction } from "@/lib/security/rate-limit";
import { draftToken, REGISTRATION_COOKIE } from "./draft-cookie";

/**
 * The registration journey's server actions. They work as plain form posts (JavaScript off) and from the
 * react-hook-form pages (JavaScript on), and check everything again: a browser's checks are a courtesy.
 * The steps come from the recruiting studies' published question sets (lib/registration/journey.ts).
 */

type StepFormState = FormState<object, FormValues>;

async function limit(action: RateLimitedAction): Promise<void> {
  const key = clientKeyFromHeaders(await headers());
  const decision = await consumeRateLimit(action, key);
  if (!decision.allowed) {
    redirect(`/register/try-again-later?minutes=${Math.ceil(decision.retryAfterSeconds / 60)}`);
  }
}

export async function startRegistration(): Promise<void> {
  await limit("registration-start");
  const existing = await findDraft(await draftToken());
  if (existing && !existing.submitted) {
    redirect(firstIncompletePath(await listRecruitingStudies(), existing.answers));
  }
  const { token } = await createDraft();
  (await cookies()).set(REGISTRATION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: readEnv().publicUrl.startsWith("https://"),
    path: "/register",
    maxAge: DRAFT_LIFETIME_HOURS * 3600,
  });
  redirect("/register/about-you");
}

export async function saveRegistrationStep(
  step: string,
  returnToCheck: boolean,
  _previous: StepFormState,
  formData: FormData,
): Promise<StepFormState> {
  await limit("registration-step");
  const draft = await findDraft(await draftToken());
  if (!draft) redirect("/register?expired=1");
  if (draft.submitted) redirect("/register/confirmation");

  const result = await saveStepPost(draft, await listRecruitingStudies(), step, formData, returnToCheck);
  if (result.kind === "refused")
    redirect(result.reason === "unknown-page" ? "/register" : "/register/questions-changed");
  if (result.kind === "invalid") return { errors: result.errors, values: result.values };
  redirect(result.next);
}

export async function submitRegistration(_previous: StepFormState, _formData: FormData): Promise<StepFormState> {
  // Independent reads, side by side: a person waits for the slowest, not the sum.
  const [, draft, studies] = await Promise.all([
    limit("registration-submit"),
    findDraft(await draftToken()),
    listRecruitingStudies(),
  ]);
  if (!draft) redirect("/register?expired=1");
  if (draft.submitted) redirect("/register/confirmation");

  // Every set answered must still be the version asked now: otherwise the answers are to other wording.
  const check = checkDraftForSubmit(studies, draft.answers);
  if (check.kind === "questions-changed") redirect("/register/questions-changed");
  // Only possible if a study closed meanwhile or the draft was tampered with: send them to fix it.
  if (check.kind === "incomplete") redirect(check.path);
  await submitDraft(draft.id, check.answers, studies);
  redirect("/register/confirmation");
}
