"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn } from "@/lib/auth/auth";
import { currentSessionToken, findResearcherSession } from "@/lib/auth/researcher-session";
import { checkSecondFactor, endSession, signOutEverywhere } from "@/lib/auth/second-factor";
import { readEnv } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import type { FormState } from "@/lib/forms/form-state";
import { clientKeyFromHeaders } from "@/lib/security/client-address";
import { consumeRateLimit } from "@/lib/security/rate-limit";

const emailSchema = z.email("Enter your email address in the correct format, like name@imperial.ac.uk").max(254);

/** Asks for a sign-in link. Whoever the address belongs to, the answer is the same "check your email". */
export async function requestSignInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const raw = String(formData.get("email") ?? "").trim();
  const parsed = emailSchema.safeParse(raw);
  if (!parsed.success)
    return {
      errors: { email: raw === "" ? "Enter your email address" : parsed.error.issues[0]!.message },
      values: { email: raw },
    };
  const client = clientKeyFromHeaders(await headers());
  for (const key of [`client:${client}`, `email:${parsed.data.toLowerCase()}`]) {
    const decision = await consumeRateLimit("sign-in-request", key);
    if (!decision.allowed)
      return {
        errors: {
          email: `Too many sign-in requests. Try again in ${Math.ceil(decision.retryAfterSeconds / 60)} minutes.`,
        },
        values: { email: raw },
      };
  }
  await signIn("nodemailer", { email: parsed.data, redirect: false, redirectTo: "/sign-in/two-factor" });
  redirect("/sign-in/check-email");
}

export async function twoFactorAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const session = await findResearcherSession(await currentSessionToken());
  if (!session) redirect("/sign-in");
  const limit = await consumeRateLimit("second-factor", session.researcher.id);
  if (!limit.allowed)
    return {
      errors: { code: `Too many attempts. Try again in ${Math.ceil(limit.retryAfterSeconds / 60)} minutes.` },
      values: {},
    };
  const code = String(formData.get("code") ?? "");
  const authSecret = readEnv().AUTH_SECRET;
  if (!authSecret) throw new Error("AUTH_SECRET is not set");
  const result = await checkSecondFactor(getDb(), {
    researcherId: session.researcher.id,
    sessionId: session.sessionId,
    code,
    authSecret,
  });
  if (result === "wrong-code") {
    return {
      errors: {
        code: /^\s*\d{6}\s*$/.test(code)
          ? "The code is not right, or has been used. Enter the current code from your app"
          : "Enter the 6-digit code from your authenticator app",
      },
      values: {},
    };
  }
  redirect("/admin");
}

export async function signOutAction(): Promise<void> {
  const session = await findResearcherSession(await currentSessionToken());
  if (session) await endSession(getDb(), { sessionId: session.sessionId, researcherId: session.researcher.id });
  redirect("/sign-in?signed-out=1");
}

export async function signOutEverywhereAction(): Promise<void> {
  const session = await findResearcherSession(await currentSessionToken());
  if (session)
    await signOutEverywhere(getDb(), { researcherId: session.researcher.id, actorId: session.researcher.id });
  redirect("/sign-in?signed-out=everywhere");
}
