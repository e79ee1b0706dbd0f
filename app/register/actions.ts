"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { readEnv } from "@/lib/config/env";
import { firstErrorPerField, type FormState, type FormValues } from "@/lib/forms/form-state";
import { createDraft, DRAFT_LIFETIME_HOURS, findDraft, saveDraftAnswers, submitDraft } from "@/lib/registration/drafts";
import {
  answeredQuestionSets,
  firstIncompletePath,
  journeySteps,
  nextStepPath,
  PAGE_VERSIONS_KEY,
  pageVersions,
  stepSchemaOf,
  type JourneyStep,
} from "@/lib/registration/journey";
import { refusedStepPost, staleAnsweredSets } from "@/lib/registration/step-checks";
import { registrationSchema } from "@/lib/registration/schema";
import { stepValues } from "@/lib/registration/step-values";
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

/** Saved answers the page's checks read but the page does not post (earlier answers its conditions name). */
function contextValues(answers: Record<string, unknown>, codes: readonly string[]): FormValues {
  const values: FormValues = {};
  for (const code of codes) {
    const v = answers[code];
    if (typeof v === "string") values[code] = v;
    else if (Array.isArray(v)) values[code] = v.map(String);
  }
  return values;
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

  const studies = await listRecruitingStudies();
  const steps = journeySteps(studies, draft.answers);
  const current = steps.find((s) => s.slug === step);
  // A page no longer asked, of a set the person did not choose, drawn from older questions, or carrying
  // answers to another set's questions: nothing is saved, and the person is told why.
  const refusal = refusedStepPost(studies, steps, step, formData);
  if (refusal === "unknown-page") redirect("/register");
  if (refusal || !current) redirect("/register/questions-changed");

  const values = stepValues(formData, current.fields, current.kind === "questions" ? current.listFields : []);
  const context =
    current.kind === "questions"
      ? contextValues(draft.answers, current.contextFields)
      : current.kind === "taking-part" && !current.withStudyChoice
        ? contextValues(draft.answers, ["studies"])
        : {};
  const parsed = stepSchemaOf(current, studies).safeParse({ ...context, ...values });
  if (!parsed.success) return { errors: firstErrorPerField(parsed.error), values: { ...context, ...values } };
  const { website, ...answers } = parsed.data as Record<string, unknown> & { website?: string };
  await saveDraftAnswers(
    draft.id,
    answers,
    Boolean(website),
    current.kind === "questions" ? { page: current.slug, versionId: current.questionSet.versionId } : undefined,
  );
  const saved = { ...draft.answers, ...answers };
  if (returnToCheck) redirect(firstIncompletePath(studies, savedWithVersion(saved, current)));
  // The steps after choosing studies depend on the choice.
  redirect(nextStepPath(journeySteps(studies, saved), step));
}

/** The answers as saved, with the version the page just answered recorded (as saveDraftAnswers does). */
function savedWithVersion(saved: Record<string, unknown>, step: JourneyStep): Record<string, unknown> {
  if (step.kind !== "questions") return saved;
  return { ...saved, [PAGE_VERSIONS_KEY]: { ...pageVersions(saved), [step.slug]: step.questionSet.versionId } };
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
  if (staleAnsweredSets(studies, draft.answers).length > 0) redirect("/register/questions-changed");
  const sets = answeredQuestionSets(studies, draft.answers);
  const parsed = registrationSchema(
    studies,
    sets.map((s) => s.definition),
  ).safeParse(draft.answers);
  const incomplete = firstIncompletePath(studies, draft.answers);
  if (!parsed.success || incomplete !== "/register/check-answers") {
    // Only possible if a study closed meanwhile or the draft was tampered with: send them to fix it.
    redirect(incomplete === "/register/check-answers" ? incomplete : `${incomplete}?change=1`);
  }
  await submitDraft(draft.id, parsed.data, studies);
  redirect("/register/confirmation");
}
