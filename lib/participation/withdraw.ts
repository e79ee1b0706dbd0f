import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { readEnv } from "@/lib/config/env";
import type { Database } from "@/lib/db/prisma";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { renderWithdrawalConfirmation } from "@/lib/email/templates/withdrawal-confirmation";
import { renderTeamWithdrawalNotification } from "@/lib/email/templates/withdrawal-team-notification";
import { daysFromNow, newAccessToken } from "@/lib/tokens/access-token";
import { links } from "@/lib/tokens/links";
import { inSchedulingTransaction, lockInterviewSlots, lockWorkshopSessions } from "@/lib/scheduling/transaction";
import { offerFreedSeats } from "@/lib/workshops/offer-freed-seats";
import { ParticipationError } from "./errors";
import { cancelArrangementsOnWithdrawal } from "./withdrawal-cancellations";
import { PARTICIPATION_STATUSES, canWithdraw } from "./status";

export type WithdrawalInput = {
  volunteerId: string;
  /** The participations to end; "all" ends every one still open. */
  participationIds: readonly string[] | "all";
  dataChoice: "KEEP" | "REMOVE";
  reason: string | null;
} & ({ method: "SELF_SERVICE" } | { method: "RECORDED_BY_RESEARCHER"; recordedById: string; channel: string });

/**
 * Withdraws a person from one study or all, no reason needed, and stops everything pending for them in
 * those studies: queued emails and reminders, consent links, an interview, a workshop seat. Each
 * withdrawal is recorded (who, when, how, and what happens to data already given) and audited, and the
 * person and the team are told, all in one transaction. The person's confirmation carries a calendar
 * cancellation for each interview and workshop place that was in their calendar.
 */
export async function withdrawParticipation(
  db: Database,
  input: WithdrawalInput,
  now = new Date(),
): Promise<{ withdrawn: string[] }> {
  const { publicUrl, MANAGE_LINK_DAYS } = readEnv();
  const manage = newAccessToken();
  // Retried if PostgreSQL breaks a deadlock with a booking, as every scheduling path is.
  return inSchedulingTransaction(db, async (tx) => {
    const volunteer = await tx.volunteer.findUnique({ where: { id: input.volunteerId } });
    if (!volunteer) throw new ParticipationError("That person does not exist.");
    const open = await tx.participation.findMany({
      where: {
        volunteerId: volunteer.id,
        status: { in: PARTICIPATION_STATUSES.filter(canWithdraw) },
        ...(input.participationIds === "all" ? {} : { id: { in: [...input.participationIds] } }),
      },
      include: { study: true },
      orderBy: { study: { displayOrder: "asc" } },
    });
    if (input.participationIds !== "all" && open.length !== input.participationIds.length) {
      throw new ParticipationError("You have already withdrawn from that study, or it is not one of yours.");
    }
    if (open.length === 0) throw new ParticipationError("There is nothing left to withdraw from.");
    const ids = open.map((p) => p.id);
    // Workshop places they hold become free and go to the waiting lists (below). Their sessions are locked
    // first, before any person's row, as every scheduling path does, so that no two transactions deadlock.
    const bookedSessionIds = async () =>
      (
        await tx.workshopBooking.findMany({
          where: { participationId: { in: ids }, status: { in: ["BOOKED", "OFFERED"] } },
          select: { workshopSessionId: true },
        })
      ).map((b) => b.workshopSessionId);
    await lockWorkshopSessions(tx, await bookedSessionIds());
    // Cancelling an interview frees its slot (a trigger writes the slot row): lock those slots now, before
    // any person's row, in the order booking takes them (slots, then the person), so the two never deadlock.
    const heldSlots = await tx.interviewSlot.findMany({
      where: { bookedInterview: { participationId: { in: ids }, status: "SCHEDULED" } },
      select: { id: true },
    });
    await lockInterviewSlots(
      tx,
      heldSlots.map((s) => s.id),
    );

    const withdrawalIds = new Map<string, string>();
    for (const participation of open) {
      const withdrawal = await tx.withdrawal.create({
        data: {
          participationId: participation.id,
          method: input.method,
          channel: input.method === "RECORDED_BY_RESEARCHER" ? input.channel : null,
          dataChoice: input.dataChoice,
          reason: input.reason,
          recordedById: input.method === "RECORDED_BY_RESEARCHER" ? input.recordedById : null,
          withdrawnAt: now,
        },
      });
      await tx.participation.update({
        where: { id: participation.id },
        data: { status: "WITHDRAWN", withdrawnAt: now },
      });
      withdrawalIds.set(participation.id, withdrawal.id);
    }

    // Nothing pending may reach them about these studies any more.
    await tx.accessToken.updateMany({
      where: { participationId: { in: ids }, purpose: "CONSENT", revokedAt: null, usedAt: null },
      data: { revokedAt: now },
    });
    const freed = new Set(await bookedSessionIds());
    const cancelled = await cancelArrangementsOnWithdrawal(tx, ids);
    const seatActor =
      input.method === "SELF_SERVICE"
        ? { actorType: "PARTICIPANT" as const, actorId: volunteer.id }
        : { actorType: "RESEARCHER" as const, actorId: input.recordedById };
    // Before the freed seats are offered (they audit too), so that the trail reads in the order things happened.
    for (const participation of open) {
      const arrangements = cancelled.byParticipation.get(participation.id);
      await recordAuditEvent(tx, {
        actorType: seatActor.actorType,
        actorId: seatActor.actorId,
        action: "participation.withdrawn",
        subjectType: "participation",
        subjectId: participation.id,
        data: {
          withdrawalId: withdrawalIds.get(participation.id)!,
          method: input.method,
          dataChoice: input.dataChoice,
          withReason: input.reason !== null,
          interviewsCancelled: arrangements?.interviewIds ?? [],
          workshopBookingsCancelled: arrangements?.workshopBookingIds ?? [],
        },
      });
    }
    for (const sessionId of freed) await offerFreedSeats(tx, { sessionId, actor: seatActor, now });
    const everything =
      input.participationIds === "all" ||
      (await tx.participation.count({ where: { volunteerId: volunteer.id, status: { not: "WITHDRAWN" } } })) === 0;
    await tx.outgoingEmail.updateMany({
      where: {
        status: "PENDING",
        ...(everything ? { volunteerId: volunteer.id } : { participationId: { in: ids } }),
      },
      data: { status: "CANCELLED", cancelledAt: now },
    });

    await tx.accessToken.create({
      data: {
        tokenHash: manage.tokenHash,
        purpose: "MANAGE_PARTICIPATION",
        volunteerId: volunteer.id,
        expiresAt: daysFromNow(MANAGE_LINK_DAYS, now),
      },
    });
    const studyTitles = open.map((p) => p.study.title);
    const contact = open[0]!.study;
    const key = `${volunteer.id}:${now.toISOString()}`;
    await enqueueEmail(tx, {
      dedupeKey: `withdrawal-confirmation:${key}`,
      template: "withdrawal-confirmation",
      to: volunteer.email,
      volunteerId: volunteer.id,
      ...renderWithdrawalConfirmation({
        fullName: volunteer.fullName,
        studyTitles,
        dataChoice: input.dataChoice,
        withdrawnAt: now,
        contactName: contact.contactName,
        contactEmail: contact.contactEmail,
        manageUrl: links.manage(publicUrl, manage.token),
        cancelledBookings: cancelled.described,
        calendarFiles: cancelled.attachments.length,
      }),
      attachments: cancelled.attachments,
    });
    await enqueueEmail(tx, {
      dedupeKey: `withdrawal-team-notification:${key}`,
      template: "withdrawal-team-notification",
      to: contact.contactEmail,
      ...renderTeamWithdrawalNotification({
        participantName: volunteer.fullName,
        studyTitles,
        dataChoice: input.dataChoice,
        method: input.method,
        reason: input.reason,
        withdrawnAt: now,
        dashboardUrl: links.volunteerInDashboard(publicUrl, volunteer.id),
      }),
    });
    return { withdrawn: ids };
  });
}
