import { randomUUID } from "node:crypto";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Researcher } from "@/lib/auth/researcher-session";
import { calendarUid } from "@/lib/calendar/calendar-file";
import { readEnv } from "@/lib/config/env";
import type { Database } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canBookInterview } from "@/lib/participation/status";
import { SchedulingError, SchedulingNotFoundError } from "@/lib/scheduling/errors";
import { assertSignedCurrentConsent } from "@/lib/scheduling/signed-consent";
import { inSchedulingTransaction, lockInterviewSlots } from "@/lib/scheduling/transaction";
import { cancelBookedInterview } from "./cancel-interview";
import { emailInterview } from "./interview-notifications";
import { interviewPerson, lockInterviewParticipation } from "./interview-participation";
import {
  SLOT_TAKEN,
  afterCutoffMessage,
  mayBookOwnSlot,
  mayChangeOwnInterview,
  tooSoonToBookMessage,
} from "./slot-rules";

type Tx = Prisma.TransactionClient;

/** Who is booking: the person themself, from their personal link, or a researcher on their behalf. */
export type SlotBooker = { type: "PARTICIPANT"; volunteerId: string } | { type: "RESEARCHER"; researcher: Researcher };

function auditActor(bookedBy: SlotBooker) {
  return bookedBy.type === "PARTICIPANT"
    ? { actorType: "PARTICIPANT" as const, actorId: bookedBy.volunteerId }
    : { actorType: "RESEARCHER" as const, actorId: bookedBy.researcher.id };
}

/** The person's booked interview and the slot it holds, if any, read before locking (and checked after). */
async function currentBooking(tx: Tx, participationId: string) {
  return tx.interview.findFirst({
    where: { participationId, status: "SCHEDULED" },
    select: { id: true, slot: { select: { id: true } } },
  });
}

/**
 * Books an interview slot for a person who has signed the interview study's current consent form. If
 * they have an interview booked already, this moves it to the slot: the same interview and calendar UID,
 * SEQUENCE up by one, and the slot it held (if any) is given back; so a person never holds two.
 *
 * Everything happens in one transaction, after locking the slot (and the one being left) and then the
 * person: the interview, the slot taken, the participation SCHEDULED, the email with the calendar
 * invitation (through the interview emails the team's bookings use) and the audit event. Of people
 * choosing the same slot at once, the first to lock it books it; the others then find it taken and are
 * refused with SLOT_TAKEN. The person may book or move only outside the study's cut-off; a researcher may
 * book any future slot.
 */
export async function bookInterviewSlot(
  db: Database,
  bookedBy: SlotBooker,
  input: { volunteerId: string; participationId: string; slotId: string },
  now = new Date(),
): Promise<{ interviewId: string; moved: boolean }> {
  if (bookedBy.type === "PARTICIPANT" && bookedBy.volunteerId !== input.volunteerId)
    throw new SchedulingNotFoundError("That participation");
  return inSchedulingTransaction(db, async (tx) => {
    const before = await currentBooking(tx, input.participationId);
    const locked = await lockInterviewSlots(tx, [input.slotId, before?.slot?.id]);
    if (!locked.includes(input.slotId)) throw new SchedulingNotFoundError("That interview time");
    const participation = await lockInterviewParticipation(tx, input);
    const slot = await tx.interviewSlot.findUniqueOrThrow({ where: { id: input.slotId } });
    if (slot.studyId !== participation.studyId) throw new SchedulingNotFoundError("That interview time");
    await assertSignedCurrentConsent(tx, participation, canBookInterview);

    const current = await tx.interview.findFirst({ where: { participationId: participation.id, status: "SCHEDULED" } });
    const heldSlot = current
      ? await tx.interviewSlot.findUnique({ where: { bookedInterviewId: current.id }, select: { id: true } })
      : null;
    // Someone else changed this booking between the first read and the locks: the held slot is not locked.
    if ((current?.id ?? null) !== (before?.id ?? null) || (heldSlot?.id ?? null) !== (before?.slot?.id ?? null))
      throw new SchedulingError("Your booking has just changed. Check it and try again.", "slotId");

    const study = participation.study;
    if (current && heldSlot?.id === slot.id)
      throw new SchedulingError("This interview is already booked at that time.", "slotId");
    if (slot.withdrawnAt) throw new SchedulingError("That time is no longer offered. Choose another.", "slotId");
    if (slot.startsAt.getTime() <= now.getTime())
      throw new SchedulingError("That time has passed. Choose another.", "slotId");
    if (slot.bookedInterviewId) throw new SchedulingError(SLOT_TAKEN, "slotId");
    if (bookedBy.type === "PARTICIPANT") {
      if (current && !mayChangeOwnInterview(current.startsAt, study.interviewBookingCutoffHours, now))
        throw new SchedulingError(afterCutoffMessage(study), "slotId");
      if (!mayBookOwnSlot(slot.startsAt, study.interviewBookingCutoffHours, now))
        throw new SchedulingError(tooSoonToBookMessage(study), "slotId");
    }

    const person = interviewPerson(participation);
    const actor = auditActor(bookedBy);
    const times = { startsAt: slot.startsAt, durationMinutes: slot.durationMinutes, meetingLink: slot.meetingLink };
    if (current) {
      // Given back before the new one is taken: an interview holds one slot (unique booked_interview_id).
      if (heldSlot) await tx.interviewSlot.update({ where: { id: heldSlot.id }, data: { bookedInterviewId: null } });
      const sequence = current.calendarSequence + 1;
      const interview = await tx.interview.update({
        where: { id: current.id },
        data: { ...times, calendarSequence: sequence },
      });
      await takeSlot(tx, slot.id, interview.id);
      await emailInterview(tx, { interview, person, kind: "rescheduled", previousStartsAt: current.startsAt, now });
      await recordAuditEvent(tx, {
        ...actor,
        action: "interview.rescheduled",
        subjectType: "participation",
        subjectId: participation.id,
        data: {
          interviewId: interview.id,
          slotId: slot.id,
          previousSlotId: heldSlot?.id ?? null,
          durationMinutes: slot.durationMinutes,
          calendarSequence: sequence,
        },
      });
      return { interviewId: interview.id, moved: true };
    }

    const id = randomUUID();
    const interview = await tx.interview.create({
      data: {
        id,
        participationId: participation.id,
        ...times,
        calendarUid: calendarUid("interview", id, readEnv().publicUrl),
        calendarSequence: 0,
        scheduledById: bookedBy.type === "RESEARCHER" ? bookedBy.researcher.id : null,
      },
    });
    await takeSlot(tx, slot.id, interview.id);
    await tx.participation.update({ where: { id: participation.id }, data: { status: "SCHEDULED" } });
    await emailInterview(tx, { interview, person, kind: "scheduled", now });
    await recordAuditEvent(tx, {
      ...actor,
      action: "interview.scheduled",
      subjectType: "participation",
      subjectId: participation.id,
      data: { interviewId: id, slotId: slot.id, durationMinutes: slot.durationMinutes, calendarSequence: 0 },
    });
    return { interviewId: id, moved: false };
  });
}

/** Marks the slot booked, only if it is still free and on offer: the lock already ensures it; this says so. */
async function takeSlot(tx: Tx, slotId: string, interviewId: string): Promise<void> {
  const taken = await tx.interviewSlot.updateMany({
    where: { id: slotId, bookedInterviewId: null, withdrawnAt: null },
    data: { bookedInterviewId: interviewId },
  });
  if (taken.count !== 1) throw new SchedulingError(SLOT_TAKEN, "slotId");
}

/**
 * The person cancels their own booked interview from their personal link, up to the study's cut-off;
 * after it they are told whom to contact. The same cancellation as the team's: calendar cancellation,
 * back to CONSENTED (so they can book again), the slot given back, an audit event with them as actor.
 */
export async function cancelOwnInterview(
  db: Database,
  input: { volunteerId: string; participationId: string },
  now = new Date(),
): Promise<void> {
  await inSchedulingTransaction(db, async (tx) => {
    const before = await currentBooking(tx, input.participationId);
    await lockInterviewSlots(tx, [before?.slot?.id]);
    const participation = await lockInterviewParticipation(tx, input);
    const current = await tx.interview.findFirst({ where: { participationId: participation.id, status: "SCHEDULED" } });
    if (!current) throw new SchedulingError("You have no interview booked, so there is nothing to cancel.");
    if (current.id !== before?.id) throw new SchedulingError("Your booking has just changed. Check it and try again.");
    if (!mayChangeOwnInterview(current.startsAt, participation.study.interviewBookingCutoffHours, now))
      throw new SchedulingError(afterCutoffMessage(participation.study));
    await cancelBookedInterview(tx, {
      participation,
      current,
      actor: { actorType: "PARTICIPANT", actorId: input.volunteerId },
      now,
    });
  });
}
