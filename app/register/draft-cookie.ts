import "server-only";
import { cookies } from "next/headers";
import { findDraft, type Draft } from "@/lib/registration/drafts";

/** The cookie that finds a person's registration in progress; scoped to /register, sent to nowhere else. */
export const REGISTRATION_COOKIE = "registration";

export async function draftToken(): Promise<string | undefined> {
  return (await cookies()).get(REGISTRATION_COOKIE)?.value;
}

export async function currentDraft(): Promise<Draft | null> {
  return findDraft(await draftToken());
}
