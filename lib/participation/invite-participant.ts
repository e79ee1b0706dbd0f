import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { readEnv } from "@/lib/config/env";
import { currentConsentForm } from "@/lib/consent/current-documents";
import type { Database } from "@/lib/db/prisma";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { renderInvitation } from "@/lib/email/templates/invitation";
import type { Prisma } from "@/lib/generated/prisma/client";
import { daysFromNow, newAccessToken } from "@/lib/tokens/access-token";
import { links } from "@/lib/tokens/links";
import { ParticipationError } from "./errors";
import { canAskToReconsent, canInvite, isFirstInvitation } from "./status";

export type Actor = { type: "RESEARCHER"; id: string } | { type: "SYSTEM" };

/**
 * Sends a person the information sheet and a personal link to the consent form, inside the caller's
 * transaction. A new link revokes any earlier one, so only the latest email works. With `reconsent`,
 * someone who signed an older consent form is asked to sign the current one.
 */
export async function inviteParticipantInTransaction(
  tx: Prisma.TransactionClient,
  input: { participationId: string; actor: Actor; reconsent?: boolean },
): Promise<void> {
  const participation = await tx.participation.findUnique({
    where: { id: input.participationId },
    include: { volunteer: true, study: true },
  });
  if (!participation) throw new ParticipationError("That participation does not exist.");
  const { volunteer, study } = participation;
  if (volunteer.erasedAt)
    throw new ParticipationError("This person's details have been erased, so they cannot be invited.");
  // Re-consent reaches everyone still taking part, even after recruitment has closed.
  if (study.status !== "RECRUITING" && !input.reconsent) {
    throw new ParticipationError(`${study.shortTitle} is not recruiting, so no one can be invited.`);
  }
  if ((participation.eligibilityOverride ?? participation.eligibility) !== "ELIGIBLE") {
    throw new ParticipationError(
      "Only eligible people can be invited. Override their eligibility first, giving a reason.",
    );
  }
  const allowed = input.reconsent ? canAskToReconsent : canInvite;
  if (!allowed(participation.status)) {
    throw new ParticipationError(
      input.reconsent
        ? "Only people who have consented can be asked to re-consent."
        : `This person cannot be invited: their status is ${participation.status.toLowerCase()}.`,
    );
  }
  const form = await currentConsentForm(tx, study.id);
  if (!form) throw new ParticipationError(`${study.shortTitle} has no published consent form yet.`);

  const now = new Date();
  const { publicUrl } = readEnv();
  const { consent, manage, expiresAt, token } = await issueConsentLinks(tx, {
    participationId: participation.id,
    volunteerId: volunteer.id,
    now,
  });

  const sheetSentAt = participation.informationSheetSentAt ?? now;
  const signableFrom = new Date(sheetSentAt.getTime() + study.considerationPeriodHours * 3_600_000);
  await enqueueEmail(tx, {
    dedupeKey: `invitation:${token.id}`,
    template: input.reconsent ? "reconsent-invitation" : "invitation",
    to: volunteer.email,
    volunteerId: volunteer.id,
    participationId: participation.id,
    ...renderInvitation({
      fullName: volunteer.fullName,
      studyTitle: study.title,
      informationSheetVersion: form.informationSheet.version,
      informationSheetDate: form.informationSheet.versionDate,
      informationSheetUrl: links.informationSheet(publicUrl, study.slug),
      consentUrl: links.consent(publicUrl, consent.token),
      linkExpiresAt: expiresAt,
      considerationPeriodHours: study.considerationPeriodHours,
      signableFrom: signableFrom > now ? signableFrom : null,
      contactName: study.contactName,
      contactEmail: study.contactEmail,
      manageUrl: links.manage(publicUrl, manage.token),
      reconsent: input.reconsent ?? false,
    }),
  });

  const firstInvitation = isFirstInvitation(participation.status);
  await tx.participation.update({
    where: { id: participation.id },
    data: {
      ...(firstInvitation ? { status: "INVITED", invitedAt: now } : {}),
      informationSheetSentAt: sheetSentAt,
      ...(input.reconsent ? { reconsentRequestedAt: now } : {}),
    },
  });
  await recordAuditEvent(tx, {
    actorType: input.actor.type,
    actorId: input.actor.type === "RESEARCHER" ? input.actor.id : null,
    action: input.reconsent
      ? "participation.reconsent_requested"
      : firstInvitation
        ? "participation.invited"
        : "participation.invitation_resent",
    subjectType: "participation",
    subjectId: participation.id,
    // The same keys as the automatic invitation store_registration writes (prisma/functions), which says
    // automatic: true; tests/integration/invitation-contract.test.ts holds the two to it.
    data: { studyId: study.id, accessTokenId: token.id, consentFormId: form.id, automatic: false },
  });
}

export type IssuedLinks = {
  /** The raw tokens: they exist only here and in the email about to be sent. */
  consent: { token: string };
  manage: { token: string };
  /** The consent link's stored row. */
  token: { id: string };
  expiresAt: Date;
};

/**
 * A fresh personal consent link (revoking any earlier one that is still open, so only the newest email
 * works) and a fresh "manage your participation" link, inside the caller's transaction. Tokens are stored
 * only as hashes, so every email that carries a link needs a new one: invitations, re-sent links and
 * reminders all come here.
 */
export async function issueConsentLinks(
  tx: Prisma.TransactionClient,
  input: { participationId: string; volunteerId: string; now: Date },
): Promise<IssuedLinks> {
  const { now } = input;
  const { CONSENT_LINK_DAYS, MANAGE_LINK_DAYS } = readEnv();
  await tx.accessToken.updateMany({
    where: { participationId: input.participationId, purpose: "CONSENT", revokedAt: null, usedAt: null },
    data: { revokedAt: now },
  });
  const consent = newAccessToken();
  const manage = newAccessToken();
  const expiresAt = daysFromNow(CONSENT_LINK_DAYS, now);
  const token = await tx.accessToken.create({
    data: {
      tokenHash: consent.tokenHash,
      purpose: "CONSENT",
      volunteerId: input.volunteerId,
      participationId: input.participationId,
      expiresAt,
      createdAt: now,
    },
  });
  await tx.accessToken.create({
    data: {
      tokenHash: manage.tokenHash,
      purpose: "MANAGE_PARTICIPATION",
      volunteerId: input.volunteerId,
      expiresAt: daysFromNow(MANAGE_LINK_DAYS, now),
      createdAt: now,
    },
  });
  return { consent, manage, token: { id: token.id }, expiresAt };
}

export async function inviteParticipant(
  db: Database,
  input: { participationId: string; actor: Actor; reconsent?: boolean },
): Promise<void> {
  await db.$transaction((tx) => inviteParticipantInTransaction(tx, input));
}
