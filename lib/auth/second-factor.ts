import { createHash } from "node:crypto";
import QRCode from "qrcode";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Database } from "@/lib/db/prisma";
import { openSecret, sealSecret } from "./secret-box";
import { acceptedTotpStep, newTotpSecret, totpUri } from "./totp";

export type Enrolment = { secret: string; uri: string; qrSvg: string };

/**
 * The authenticator-app secret a researcher is setting up: created on first need, kept (encrypted) until
 * they confirm it with a code, so reloading the page does not change the QR code they are scanning.
 */
export async function pendingEnrolment(
  db: Database,
  researcherId: string,
  authSecret: string,
): Promise<Enrolment | null> {
  const researcher = await db.researcher.findUniqueOrThrow({ where: { id: researcherId } });
  if (researcher.totpEnabledAt) return null;
  let secret = researcher.totpSecret ? openSecret(researcher.totpSecret, authSecret) : null;
  if (!secret) {
    secret = newTotpSecret();
    await db.researcher.update({ where: { id: researcherId }, data: { totpSecret: sealSecret(secret, authSecret) } });
  }
  const uri = totpUri(secret, researcher.email);
  return { secret, uri, qrSvg: await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" }) };
}

export type SecondFactorResult = "accepted" | "wrong-code";

/**
 * Checks a code for this session. A code is accepted once (its time step must be later than the last one
 * accepted); on success the session gains its second factor and, at enrolment, the app is confirmed.
 * Both outcomes are audited.
 */
export async function checkSecondFactor(
  db: Database,
  input: { researcherId: string; sessionId: string; code: string; authSecret: string },
  now = Date.now(),
): Promise<SecondFactorResult> {
  return db.$transaction(async (tx) => {
    const researcher = await tx.researcher.findUniqueOrThrow({ where: { id: input.researcherId } });
    const secret = researcher.totpSecret ? openSecret(researcher.totpSecret, input.authSecret) : null;
    const step = secret ? acceptedTotpStep(secret, input.code, now) : null;
    const fresh = step !== null && (researcher.totpLastStep === null || step > researcher.totpLastStep);
    if (!fresh) {
      await recordAuditEvent(tx, {
        actorType: "RESEARCHER",
        actorId: researcher.id,
        action: "auth.second_factor_failed",
        subjectType: "researcher",
        subjectId: researcher.id,
      });
      return "wrong-code";
    }
    const enrolling = researcher.totpEnabledAt === null;
    await tx.researcher.update({
      where: { id: researcher.id },
      data: { totpLastStep: step, ...(enrolling ? { totpEnabledAt: new Date(now) } : {}) },
    });
    await tx.researcherSession.update({ where: { id: input.sessionId }, data: { secondFactorAt: new Date(now) } });
    await recordAuditEvent(tx, {
      actorType: "RESEARCHER",
      actorId: researcher.id,
      action: enrolling ? "auth.second_factor_enrolled" : "auth.second_factor_passed",
      subjectType: "researcher",
      subjectId: researcher.id,
    });
    return "accepted";
  });
}

/** Ends every session of a researcher, everywhere: after a lost phone, or when leaving the team. */
export async function signOutEverywhere(
  db: Database,
  input: { researcherId: string; actorId: string },
): Promise<number> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.researcherSession.deleteMany({ where: { userId: input.researcherId } });
    await recordAuditEvent(tx, {
      actorType: "RESEARCHER",
      actorId: input.actorId,
      action: "auth.signed_out_everywhere",
      subjectType: "researcher",
      subjectId: input.researcherId,
      data: { sessionsEnded: count },
    });
    return count;
  });
}

/** Ends one session (signing out), audited. */
export async function endSession(db: Database, input: { sessionId: string; researcherId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.researcherSession.deleteMany({ where: { id: input.sessionId } });
    await recordAuditEvent(tx, {
      actorType: "RESEARCHER",
      actorId: input.researcherId,
      action: "auth.signed_out",
      subjectType: "researcher",
      subjectId: input.researcherId,
    });
  });
}

/** Whether a sign-in link is still usable, without using it: a page may say so before the button. */
export async function signInLinkUsable(
  db: Database,
  input: { email: string; token: string; authSecret: string },
  now = new Date(),
): Promise<boolean> {
  if (!/^[0-9a-f]{64}$/.test(input.token)) return false;
  const hashed = createHash("sha256").update(`${input.token}${input.authSecret}`).digest("hex");
  const row = await db.verificationToken.findUnique({
    where: { identifier_token: { identifier: input.email, token: hashed } },
  });
  return row !== null && row.expires > now;
}
