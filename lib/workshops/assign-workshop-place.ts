import { placeIsSettled } from "@/lib/workshops/place-rules";
import { canAssignWorkshop } from "@/lib/participation/status";
import { SchedulingError, SchedulingNotFoundError } from "@/lib/scheduling/errors";
import { assertSignedCurrentConsent } from "@/lib/scheduling/signed-consent";
import { inSchedulingTransaction, lockWorkshopSessions } from "@/lib/scheduling/transaction";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Database } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { offerFreedSeats } from "@/lib/workshops/offer-freed-seats";
import {
  emailWorkshopCancellation,
  emailWorkshopPlace,
  emailWorkshopWaitlisted,
  placeContext,
  placeInclude,
} from "@/lib/workshops/place-emails";
import { assertOwnParticipation, auditActorOf, wordsFor, type PlaceActor } from "./place-actor";
import { HOLDS_A_PLACE, activeBookingOf, lockWorkshopParticipation, waitlistPosition } from "./workshop-participation";

/**
 * When someone joins a session's waiting list: now, but always after everyone already on it. With the
 * session locked, the list's order is the order people were put on it, even when several researchers
 * act in the same millisecond.
 */
async function joiningTime(tx: Prisma.TransactionClient, sessionId: string, now: Date): Promise<Date> {
  const last = await tx.workshopBooking.findFirst({
    where: { workshopSessionId: sessionId, waitlistedAt: { not: null } },
    orderBy: { waitlistedAt: "desc" },
    select: { waitlistedAt: true },
  });
  return last?.waitlistedAt && last.waitlistedAt.getTime() >= now.getTime()
    ? new Date(last.waitlistedAt.getTime() + 1)
    : now;
}

export type AssignOutcome = { bookingId: string; status: "BOOKED" | "WAITLISTED"; moved: boolean };

/**
 * Gives a person who has signed the current consent form a place at a session of their workshop study:
 * any researcher may, and so may the person themself from their personal link (the same command, so the
 * same capacity, waiting list and emails; the audit names who acted). If the session has room the place is BOOKED (participation SCHEDULED) and they
 * are emailed a calendar invitation; if it is full they join its waiting list (WAITLISTED, in the order
 * people joined) and are told so. If they already hold a place or a waiting-list place elsewhere, it is
 * a move: the old one is cancelled (its calendar event too) and a place it frees (or an offer it leaves)
 * is offered to that session's waiting list. A place offered to someone waiting counts as taken.
 *
 * Capacity holds however many researchers book at once: the session rows are locked (SELECT … FOR
 * UPDATE, in id order) before the places are counted, and the count, the booking and the emails are one
 * transaction.
 */
export async function assignWorkshopPlace(
  db: Database,
  actor: PlaceActor,
  input: { volunteerId: string; participationId: string; sessionId: string },
  now = new Date(),
): Promise<AssignOutcome> {
  assertOwnParticipation(actor, input.volunteerId);
  return inSchedulingTransaction(db, async (tx) => {
    // What they hold now is read first, so that its session can be locked in order with the new one.
    const before = await activeBookingOf(tx, input.participationId);
    await lockWorkshopSessions(tx, [input.sessionId, ...(before ? [before.workshopSessionId] : [])]);
    const participation = await lockWorkshopParticipation(tx, input);
    const current = await activeBookingOf(tx, participation.id);
    if (current?.id !== before?.id)
      throw new SchedulingError(
        wordsFor(
          actor,
          "Your place changed while you were choosing. Check this page and try again.",
          "This person's place changed while you were choosing. Check their page and try again.",
        ),
      );
    await assertSignedCurrentConsent(tx, participation, canAssignWorkshop);

    const session = await tx.workshopSession.findUnique({ where: { id: input.sessionId } });
    if (!session || session.studyId !== participation.studyId)
      throw new SchedulingNotFoundError("That workshop session");
    if (session.cancelledAt) throw new SchedulingError("That session has been cancelled. Choose another.", "sessionId");
    if (session.startsAt.getTime() <= now.getTime())
      throw new SchedulingError("That session has already started. Choose another.", "sessionId");
    if (current?.workshopSessionId === session.id) {
      throw new SchedulingError(
        current.status === "BOOKED"
          ? wordsFor(
              actor,
              "You already have a place at that session.",
              "This person already has a place at that session.",
            )
          : current.status === "OFFERED"
            ? wordsFor(
                actor,
                "A place at that session is offered to you: accept it above.",
                "This person has been offered a place at that session and has not answered yet.",
              )
            : wordsFor(
                actor,
                "You are already on that session's waiting list.",
                "This person is already on that session's waiting list.",
              ),
        "sessionId",
      );
    }
    if (current) {
      const from = await tx.workshopSession.findUniqueOrThrow({ where: { id: current.workshopSessionId } });
      if (placeIsSettled({ status: current.status, startsAt: from.startsAt }, now)) {
        throw new SchedulingError(
          wordsFor(
            actor,
            "Your session has already started, so your place cannot be changed here. Please contact the study team.",
            "Their current session has already started: record whether they attended it first.",
          ),
        );
      }
    }

    // A place offered to someone on the waiting list is theirs until they answer: it is not free.
    const taken = await tx.workshopBooking.count({
      where: { workshopSessionId: session.id, status: { in: [...HOLDS_A_PLACE] } },
    });
    const status = taken < session.capacity ? ("BOOKED" as const) : ("WAITLISTED" as const);
    const fields =
      status === "BOOKED"
        ? { status, waitlistedAt: null }
        : { status, waitlistedAt: await joiningTime(tx, session.id, now) };
    // A person has one booking row per session: an earlier, cancelled one is used again.
    const earlier = await tx.workshopBooking.findUnique({
      where: {
        workshopSessionId_participationId: { workshopSessionId: session.id, participationId: participation.id },
      },
    });
    const booking = earlier
      ? await tx.workshopBooking.update({
          where: { id: earlier.id },
          data: { ...fields, calendarSequence: earlier.calendarSequence + 1 },
          include: placeInclude,
        })
      : await tx.workshopBooking.create({
          data: { workshopSessionId: session.id, participationId: participation.id, ...fields },
          include: placeInclude,
        });

    let previous: { place: ReturnType<typeof placeContext>; sequence: number } | undefined;
    if (current) {
      const sequence = current.status === "BOOKED" ? current.calendarSequence + 1 : current.calendarSequence;
      const old = await tx.workshopBooking.update({
        where: { id: current.id },
        data: { status: "CANCELLED", calendarSequence: sequence, offerExpiresAt: null },
        include: placeInclude,
      });
      if (current.status === "BOOKED") previous = { place: placeContext(old), sequence };
    }
    await tx.participation.update({
      where: { id: participation.id },
      data: { status: status === "BOOKED" ? "SCHEDULED" : "WAITLISTED" },
    });

    const place = placeContext(booking);
    if (status === "BOOKED") {
      await emailWorkshopPlace(tx, place, {
        kind: current ? "moved" : "booked",
        sequence: booking.calendarSequence,
        now,
        ...(previous ? { previous } : {}),
      });
    } else {
      if (previous)
        await emailWorkshopCancellation(tx, previous.place, {
          reason: "PLACE_CANCELLED",
          wasWaitlisted: false,
          sequence: previous.sequence,
          now,
        });
      await emailWorkshopWaitlisted(tx, place, {
        position: await waitlistPosition(tx, booking),
        waitlistedAt: booking.waitlistedAt ?? now,
        now,
      });
    }

    const by = auditActorOf(actor);
    if (current && current.status !== "WAITLISTED")
      await offerFreedSeats(tx, { sessionId: current.workshopSessionId, actor: by, now });
    await recordAuditEvent(tx, {
      ...by,
      action: current ? "workshop.moved" : status === "BOOKED" ? "workshop.booked" : "workshop.waitlisted",
      subjectType: "participation",
      subjectId: participation.id,
      data: {
        workshopSessionId: session.id,
        bookingId: booking.id,
        status,
        ...(current
          ? { fromWorkshopSessionId: current.workshopSessionId, fromBookingId: current.id, fromStatus: current.status }
          : {}),
      },
    });
    return { bookingId: booking.id, status, moved: current !== null };
  });
}
