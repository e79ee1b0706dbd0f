"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { readEnv } from "@/lib/config/env";
import { firstErrorPerField, type FormState, type FormValues } from "@/lib/forms/form-state";
import { createDraft, DRAFT_LIFETIME_HOURS, findDraft, saveDraftAnswers, submitDraft } from "@/lib/registration/drafts";
import { draftToken, REGISTRATION_COOKIE } from "./draft-cookie";
import { listRecruitingStudies } from "@/lib/studies/recruiting-studies";
import { registrationSchema, registrationSteps, stepSchema, isStepSlug } from "@/lib/registration/schema";
import { stepValues } from "@/lib/registration/step-values";
import { firstIncompleteStep, nextStepPath } from "@/lib/registration/step-order";
import { clientKeyFromHeaders } from "@/lib/security/client-address";
import { consumeRateLimit, type RateLimitedAction } from "@/lib/security/rate-limit";

/**
 * The registration journey's server actions. They work as plain form posts (JavaScript off) and from the
 * react-hook-form pages (JavaScript on), and check everything again: a browser's checks are a courtesy.
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
    const next = firstIncompleteStep(existing.answers, await listRecruitingStudies());
    redirect(next === "check-answers" ? "/register/check-answers" : `/register/${next}`);
  }
  const { token } = await createDraft();
  (await cookies()).set(REGISTRATION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: readEnv().publicUrl.startsWith("https://"),
    path: "/register",
    maxAge: DRAFT_LIFETIME_HOURS * 3600,
  });
  redirect(`/register/${registrationSteps[0].slug}`);
}

export async function saveRegistrationStep(
  step: string,
  returnToCheck: boolean,
  _previous: StepFormState,
  formData: FormData,
): Promise<StepFormState> {
  if (!isStepSlug(step)) redirect("/register");
  await limit("registration-step");
  const draft = await findDraft(await draftToken());
  if (!draft) redirect("/register?expired=1");
  if (draft.submitted) redirect("/register/confirmation");

  const fields = registrationSteps.find((s) => s.slug === step)!.fields;
  const values = stepValues(formData, fields);
  const parsed = stepSchema(step, await listRecruitingStudies()).safeParse(values);
  if (!parsed.success) return { errors: firstErrorPerField(parsed.error), values };
  const { website, ...answers } = parsed.data as Record<string, unknown> & { website?: string };
  await saveDraftAnswers(draft.id, answers, Boolean(website));
  redirect(returnToCheck ? "/register/check-answers" : nextStepPath(step));
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

  const parsed = registrationSchema(studies).safeParse(draft.answers);
  if (!parsed.success) {
    // Only possible if a study closed meanwhile or the draft was tampered with: send them to fix it.
    const step = firstIncompleteStep(draft.answers, studies);
    redirect(step === "check-answers" ? "/register/check-answers" : `/register/${step}?change=1`);
  }
  await submitDraft(draft.id, parsed.data, studies);
  redirect("/register/confirmation");
}
