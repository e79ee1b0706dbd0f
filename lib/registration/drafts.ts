import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { readEnv } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { wakeOutboxWorker } from "@/lib/email/outbox-worker";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toJsonValue } from "@/lib/text/json-value";
import { PRIVACY_NOTICE_VERSION } from "@/lib/registration/privacy-notice";
import { PAGE_VERSIONS_KEY, pageVersions } from "./journey";
import type { StudyOutcome } from "./next-steps";
import { registerInterest, type RegistrationOutcome, type RegistrationStudy } from "./register-interest";
import type { RegistrationAnswers } from "./schema";

/**
 * A registration in progress lives in the database, found through a cookie holding a random token, so
 * nothing is lost between steps, "Change" links are plain links, and no answers travel in the page.
 */
export const DRAFT_LIFETIME_HOURS = 24;

export type Draft = {
  id: string;
  answers: Record<string, unknown>;
  honeypotTripped: boolean;
  submitted: boolean;
  /** After submission: what was decided, for the confirmation page. */
  outcomes: StudyOutcome[] | null;
};

function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export async function createDraft(): Promise<{ token: string }> {
  const token = randomBytes(32).toString("base64url");
  await getDb().registrationDraft.create({
    data: {
      tokenHash: hashToken(token),
      submissionKey: randomBytes(24).toString("hex"),
      expiresAt: new Date(Date.now() + DRAFT_LIFETIME_HOURS * 3600_000),
    },
  });
  return { token };
}

export async function findDraft(token: string | undefined): Promise<Draft | null> {
  if (!token || token.length > 100) return null;
  const row = await getDb().registrationDraft.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.expiresAt < new Date()) return null;
  const answers = row.answers as Record<string, unknown>;
  return {
    id: row.id,
    answers: row.submittedAt ? {} : answers,
    honeypotTripped: row.honeypotTripped,
    submitted: row.submittedAt !== null,
    outcomes: row.submittedAt ? ((answers.outcomes as StudyOutcome[] | undefined) ?? []) : null,
  };
}

/**
 * Adds one step's answers to the draft; a submitted draft is never changed. A question page also records
 * the question set version its answers were given to (journey.ts: PAGE_VERSIONS_KEY).
 */
export async function saveDraftAnswers(
  draftId: string,
  stepAnswers: Record<string, unknown>,
  honeypotTripped: boolean,
  pageVersion?: { page: string; versionId: string },
): Promise<void> {
  const db = getDb();
  await db.$transaction(async (tx) => {
    const row = await tx.registrationDraft.findUnique({ where: { id: draftId } });
    if (!row || row.submittedAt) return;
    const saved = row.answers as Record<string, unknown>;
    const versions = pageVersion
      ? { [PAGE_VERSIONS_KEY]: { ...pageVersions(saved), [pageVersion.page]: pageVersion.versionId } }
      : {};
    await tx.registrationDraft.update({
      where: { id: draftId },
      data: {
        answers: toJsonValue({ ...saved, ...stepAnswers, ...versions }) as Prisma.InputJsonValue,
        honeypotTripped: row.honeypotTripped || honeypotTripped,
      },
    });
  });
}

/**
 * The final submit: stores the registration and marks the draft submitted together (see registerInterest),
 * so a repeated POST (double click, back button, two tabs) finds the draft submitted and stores nothing
 * new. A draft whose hidden field was filled in is closed as if stored, and nothing about it is kept.
 */
export async function submitDraft(
  draftId: string,
  answers: RegistrationAnswers,
  studies: readonly RegistrationStudy[],
): Promise<RegistrationOutcome> {
  const outcome = await registerInterest(getDb(), {
    draftId,
    answers,
    studies,
    privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
    publicUrl: readEnv().publicUrl,
  });
  if (outcome.kind === "stored") wakeOutboxWorker();
  return outcome;
}
