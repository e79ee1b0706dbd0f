import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { readEnv } from "@/lib/config/env";
import type { Database } from "@/lib/db/prisma";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { renderDeclineConfirmation } from "@/lib/email/templates/decline-confirmation";
import { renderSpeakToTeamNotification } from "@/lib/email/templates/speak-to-team-notification";
import { ParticipationError } from "@/lib/participation/errors";
import { daysFromNow, newAccessToken } from "@/lib/tokens/access-token";
import { links } from "@/lib/tokens/links";
import { findConsentInvitation, type ReadyInvitation } from "./consent-invitation";

async function readyInvitation(db: Database, token: string, now: Date): Promise<ReadyInvitation> {
  const invitation = await findConsentInvitation(db, token, now);
  if (invitation.kind === "signed") throw new ParticipationError("You have already signed this consent form.");
  if (invitation.kind !== "ready") throw new ParticipationError("This link no longer works, so nothing was changed.");
  return invitation;
}

/**
 * The person does not want to take part: recorded, the link spent, and a polite confirmation sent.
 * Returns a token for their "manage your participation" page.
 */
export async function declineConsent(
  db: Database,
  input: { token: string },
  now = new Date(),
): Promise<{ manageToken: string }> {
  const invitation = await readyInvitation(db, input.token, now);
  const { publicUrl, MANAGE_LINK_DAYS } = readEnv();
  const manage = newAccessToken();
  await db.$transaction(async (tx) => {
    const spent = await tx.accessToken.updateMany({
      where: { id: invitation.tokenId, usedAt: null, revokedAt: null },
      data: { usedAt: now },
    });
    if (spent.count !== 1) throw new ParticipationError("This link has just been used, so nothing was changed.");
    const participation = await tx.participation.update({
      where: { id: invitation.participationId },
      data: { status: "DECLINED" },
      include: { volunteer: true },
    });
    await tx.accessToken.create({
      data: {
        tokenHash: manage.tokenHash,
        purpose: "MANAGE_PARTICIPATION",
        volunteerId: participation.volunteerId,
        expiresAt: daysFromNow(MANAGE_LINK_DAYS, now),
      },
    });
    await enqueueEmail(tx, {
      dedupeKey: `decline-confirmation:${invitation.tokenId}`,
      template: "decline-confirmation",
      to: participation.volunteer.email,
      volunteerId: participation.volunteerId,
      participationId: participation.id,
      ...renderDeclineConfirmation({
        fullName: participation.volunteer.fullName,
        studyTitle: invitation.study.title,
        contactName: invitation.study.contactName,
        contactEmail: invitation.study.contactEmail,
        manageUrl: links.manage(publicUrl, manage.token),
      }),
    });
    await recordAuditEvent(tx, {
      actorType: "PARTICIPANT",
      actorId: participation.volunteerId,
      action: "consent.declined",
      subjectType: "participation",
      subjectId: participation.id,
      data: { consentFormId: invitation.form.id },
    });
  });
  return { manageToken: manage.token };
}

/**
 * The person would like to talk before deciding: the team is told, with their contact details and
 * message. Their status stays as it is and the link keeps working; only the time of the request is noted,
 * so that no reminder is sent while the team is in touch.
 */
export async function askToSpeakToTeam(
  db: Database,
  input: { token: string; message: string | null },
  now = new Date(),
): Promise<void> {
  const invitation = await readyInvitation(db, input.token, now);
  const { publicUrl } = readEnv();
  await db.$transaction(async (tx) => {
    const volunteer = await tx.volunteer.findUniqueOrThrow({ where: { id: invitation.volunteerId } });
    // The team follows this up, so the reminder job leaves the invitation alone from now on.
    await tx.participation.update({ where: { id: invitation.participationId }, data: { questionsRaisedAt: now } });
    const requestId = crypto.randomUUID();
    await enqueueEmail(tx, {
      dedupeKey: `speak-to-team:${requestId}`,
      template: "speak-to-team-notification",
      to: invitation.study.contactEmail,
      participationId: invitation.participationId,
      ...renderSpeakToTeamNotification({
        studyTitle: invitation.study.title,
        participantName: volunteer.fullName,
        participantEmail: volunteer.email,
        participantPhone: volunteer.phone,
        message: input.message,
        dashboardUrl: links.volunteerInDashboard(publicUrl, volunteer.id),
      }),
    });
    await recordAuditEvent(tx, {
      actorType: "PARTICIPANT",
      actorId: volunteer.id,
      action: "consent.questions_raised",
      subjectType: "participation",
      subjectId: invitation.participationId,
      data: { requestId, withMessage: input.message !== null },
    });
  });
}
