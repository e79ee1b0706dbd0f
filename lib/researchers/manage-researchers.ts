import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertAdmin } from "@/lib/auth/permissions";
import type { Researcher } from "@/lib/auth/researcher-session";
import { signOutEverywhere } from "@/lib/auth/second-factor";
import type { Database } from "@/lib/db/prisma";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { renderResearcherAccount } from "@/lib/email/templates/researcher-account";
import type { Prisma, ResearcherRole } from "@/lib/generated/prisma/client";
import { ActionError } from "../forms/action-error";
import { isUniqueViolation } from "../db/unique-violation";
import type { AddResearcherInput } from "./researcher-forms";

/**
 * Researcher accounts (admins only): adding, roles, disabling, ending sessions and resetting the
 * authenticator app. An admin can never take away their own admin role or disable themselves, so the
 * portal always keeps an admin who can put things right. Every change is audited with ids and codes.
 */

type Tx = Prisma.TransactionClient;

async function accountOf(tx: Tx, researcherId: string) {
  const account = await tx.researcher.findUnique({
    where: { id: researcherId },
    select: { id: true, role: true, disabledAt: true },
  });
  if (!account) throw new ActionError("That researcher does not exist.");
  return account;
}

async function audit(
  tx: Tx,
  actor: Researcher,
  researcherId: string,
  action: string,
  data: Prisma.InputJsonObject = {},
) {
  await recordAuditEvent(tx, {
    actorType: "RESEARCHER",
    actorId: actor.id,
    action,
    subjectType: "researcher",
    subjectId: researcherId,
    data,
  });
}

/**
 * Adds an account. The person signs in with an email link and sets up their authenticator app the first
 * time; an email tells them so.
 */
export async function addResearcher(
  db: Database,
  actor: Researcher,
  input: AddResearcherInput & { publicUrl: string },
): Promise<{ id: string }> {
  assertAdmin(actor);
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.researcher.create({
        data: { email: input.email.trim().toLowerCase(), name: input.name, role: input.role },
        select: { id: true, email: true },
      });
      await enqueueEmail(tx, {
        dedupeKey: `researcher-account:${created.id}`,
        template: "researcher-account",
        to: created.email,
        ...renderResearcherAccount({ signInUrl: `${input.publicUrl}/sign-in`, role: input.role }),
      });
      await audit(tx, actor, created.id, "researcher.added", { role: input.role });
      return { id: created.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ActionError("There is already an account with this email address", "email");
    throw error;
  }
}

export async function changeResearcherRole(
  db: Database,
  actor: Researcher,
  input: { researcherId: string; role: ResearcherRole },
): Promise<void> {
  assertAdmin(actor);
  if (input.researcherId === actor.id && input.role !== "ADMIN") {
    throw new ActionError("You cannot remove your own admin role. Ask another admin to do it", "role");
  }
  await db.$transaction(async (tx) => {
    const account = await accountOf(tx, input.researcherId);
    if (account.role === input.role) return;
    await tx.researcher.update({ where: { id: account.id }, data: { role: input.role } });
    await audit(tx, actor, account.id, "researcher.role_changed", { from: account.role, to: input.role });
  });
}

/** Disabling ends every session at once; the account can no longer sign in until enabled again. */
export async function setResearcherDisabled(
  db: Database,
  actor: Researcher,
  input: { researcherId: string; disabled: boolean },
): Promise<void> {
  assertAdmin(actor);
  if (input.researcherId === actor.id && input.disabled)
    throw new ActionError("You cannot disable your own account. Ask another admin to do it");
  await db.$transaction(async (tx) => {
    const account = await accountOf(tx, input.researcherId);
    if ((account.disabledAt !== null) === input.disabled) return;
    if (input.disabled) {
      await tx.researcher.update({ where: { id: account.id }, data: { disabledAt: new Date() } });
      const { count } = await tx.researcherSession.deleteMany({ where: { userId: account.id } });
      await audit(tx, actor, account.id, "researcher.disabled", { sessionsEnded: count });
    } else {
      await tx.researcher.update({ where: { id: account.id }, data: { disabledAt: null } });
      await audit(tx, actor, account.id, "researcher.enabled");
    }
  });
}

/** Ends every session of another researcher (after a lost laptop, say). Audited as auth.signed_out_everywhere. */
export async function signResearcherOutEverywhere(
  db: Database,
  actor: Researcher,
  input: { researcherId: string },
): Promise<number> {
  assertAdmin(actor);
  await accountOf(db, input.researcherId);
  return signOutEverywhere(db, { researcherId: input.researcherId, actorId: actor.id });
}

/**
 * Forgets a researcher's authenticator app (a lost or replaced phone): they set one up again the next time
 * they sign in, after the email link. Their sessions end, so nobody carries on with the old second factor.
 */
export async function resetResearcherAuthenticator(
  db: Database,
  actor: Researcher,
  input: { researcherId: string },
): Promise<void> {
  assertAdmin(actor);
  await db.$transaction(async (tx) => {
    const account = await accountOf(tx, input.researcherId);
    await tx.researcher.update({
      where: { id: account.id },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
    });
    const { count } = await tx.researcherSession.deleteMany({ where: { userId: account.id } });
    await audit(tx, actor, account.id, "researcher.authenticator_reset", { sessionsEnded: count });
  });
}
