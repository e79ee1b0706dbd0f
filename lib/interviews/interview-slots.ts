import { randomUUID } from "node:crypto";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import { SchedulingError, SchedulingNotFoundError } from "@/lib/scheduling/errors";
import { teamsLinkProblem } from "@/lib/scheduling/links";
import { inSchedulingTransaction, lockInterviewSlots } from "@/lib/scheduling/transaction";
import { formatList, formatUkDateTime } from "@/lib/text/uk-dates";
import { durationProblem } from "./interview-form";
import { MAX_SLOTS_PER_PUBLISH } from "./slot-pattern";
import { mayBookOwnSlot, overlappingSlots } from "./slot-rules";

export type PublishSlotsInput = {
  studyId: string;
  startsAt: readonly Date[];
  durationMinutes: number;
  interviewerId: string | null;
  meetingLink: string;
};

/** The longest slot the database allows, so a search this far back finds every slot that could overlap. */
const LONGEST_SLOT_MS = 240 * 60_000;

function describeStarts(starts: readonly Date[]): string {
  const shown = starts.slice(0, 3).map(formatUkDateTime);
  return starts.length > 3 ? `${shown.join(", ")} and ${starts.length - 3} more` : formatList(shown);
}

/**
 * Publishes interview slots for the interview study (any researcher may, as any may book an interview):
 * all of them or none, in one transaction with one audit event. Refuses times in the past, and times that
 * overlap one another or the same interviewer's slots still on offer or booked (slots with no interviewer
 * are checked against the study's other slots with none). The interviewer, or the study when there is
 * none, is locked first, so two researchers publishing at once cannot both add overlapping times.
 */
export async function publishInterviewSlots(
  db: Database,
  actor: Researcher,
  input: PublishSlotsInput,
  now = new Date(),
): Promise<{ slotIds: string[] }> {
  if (input.startsAt.length === 0) throw new SchedulingError("Enter at least one time to publish", "times");
  if (input.startsAt.length > MAX_SLOTS_PER_PUBLISH)
    throw new SchedulingError(`Publish no more than ${MAX_SLOTS_PER_PUBLISH} slots at a time`, "to");
  const duration = durationProblem(input.durationMinutes);
  if (duration) throw new SchedulingError(duration, "duration");
  const link = teamsLinkProblem(input.meetingLink);
  if (link) throw new SchedulingError(link, "meetingLink");
  const past = input.startsAt.filter((s) => s.getTime() <= now.getTime());
  if (past.length > 0)
    throw new SchedulingError(`Every time must be in the future: ${describeStarts(past)} has passed`, "from");
  const proposed = input.startsAt.map((startsAt) => ({ startsAt, durationMinutes: input.durationMinutes }));
  const clashing = overlappingSlots(proposed, []);
  if (clashing.length > 0)
    throw new SchedulingError(
      `These times overlap one another: ${describeStarts(clashing.map((s) => s.startsAt))}`,
      "times",
    );

  return inSchedulingTransaction(db, async (tx) => {
    const study = await tx.study.findUnique({ where: { id: input.studyId }, select: { kind: true } });
    if (!study || study.kind !== "INTERVIEW") throw new SchedulingNotFoundError("That study");
    if (input.interviewerId) {
      const locked = await tx.$queryRaw<{ id: string }[]>`
        select id::text from researchers where id = ${input.interviewerId}::uuid for no key update`;
      if (locked.length === 0) throw new SchedulingError("Choose an interviewer from the list", "interviewerId");
    } else {
      await tx.$queryRaw`select id from studies where id = ${input.studyId}::uuid for no key update`;
    }

    const times = proposed.map((p) => p.startsAt.getTime());
    const existing = await tx.interviewSlot.findMany({
      where: {
        withdrawnAt: null,
        ...(input.interviewerId
          ? { interviewerId: input.interviewerId }
          : { interviewerId: null, studyId: input.studyId }),
        startsAt: {
          gt: new Date(Math.min(...times) - LONGEST_SLOT_MS),
          lt: new Date(Math.max(...times) + input.durationMinutes * 60_000),
        },
      },
      select: { startsAt: true, durationMinutes: true },
    });
    const overlapping = overlappingSlots(proposed, existing);
    if (overlapping.length > 0) {
      const whose = input.interviewerId ? "the interviewer's other slots" : "other slots with no interviewer";
      throw new SchedulingError(
        `These times overlap ${whose}: ${describeStarts(overlapping.map((s) => s.startsAt))}. Choose other times.`,
        "times",
      );
    }

    const rows = proposed.map((p) => ({
      id: randomUUID(),
      studyId: input.studyId,
      startsAt: p.startsAt,
      durationMinutes: input.durationMinutes,
      interviewerId: input.interviewerId,
      meetingLink: input.meetingLink,
      createdById: actor.id,
    }));
    await tx.interviewSlot.createMany({ data: rows });
    const slotIds = rows.map((r) => r.id);
    await recordAuditEvent(tx, {
      actorType: "RESEARCHER",
      actorId: actor.id,
      action: "interview_slot.published",
      subjectType: "study",
      subjectId: input.studyId,
      data: {
        count: slotIds.length,
        slotIds,
        durationMinutes: input.durationMinutes,
        interviewerId: input.interviewerId,
      },
    });
    return { slotIds };
  });
}

/**
 * Takes an unbooked slot off offer (it stays, withdrawn, as a record). A booked slot is refused: its
 * interview is cancelled through the cancellation, which tells the person and frees the slot.
 */
export async function withdrawInterviewSlot(
  db: Database,
  actor: Researcher,
  input: { slotId: string },
  now = new Date(),
): Promise<void> {
  await inSchedulingTransaction(db, async (tx) => {
    if ((await lockInterviewSlots(tx, [input.slotId])).length === 0)
      throw new SchedulingNotFoundError("That interview slot");
    const slot = await tx.interviewSlot.findUniqueOrThrow({ where: { id: input.slotId } });
    if (slot.withdrawnAt) return;
    if (slot.bookedInterviewId)
      throw new SchedulingError(
        "Someone has booked this time, so it cannot be withdrawn. Cancel their interview instead: they will be told.",
        "slotId",
      );
    await tx.interviewSlot.update({ where: { id: slot.id }, data: { withdrawnAt: now } });
    await recordAuditEvent(tx, {
      actorType: "RESEARCHER",
      actorId: actor.id,
      action: "interview_slot.withdrawn",
      subjectType: "interview_slot",
      subjectId: slot.id,
      data: { studyId: slot.studyId },
    });
  });
}

export type OpenSlot = {
  id: string;
  startsAt: Date;
  durationMinutes: number;
  interviewerId: string | null;
  interviewerName: string | null;
};

/**
 * The slots on offer in a study, earliest first: not withdrawn, not booked, and in the future; for the
 * participant's own page, only those far enough ahead that they could still move or cancel them after
 * booking (the study's cut-off), as booking them there would be refused.
 */
export async function listOpenSlots(
  db: Database,
  input: { studyId: string; now: Date; audience?: "participant" | "team" },
): Promise<OpenSlot[]> {
  const study = await db.study.findUnique({
    where: { id: input.studyId },
    select: { interviewBookingCutoffHours: true },
  });
  if (!study) return [];
  const rows = await db.interviewSlot.findMany({
    where: { studyId: input.studyId, withdrawnAt: null, bookedInterviewId: null, startsAt: { gt: input.now } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      startsAt: true,
      durationMinutes: true,
      interviewerId: true,
      interviewer: { select: { name: true } },
    },
  });
  return rows
    .filter(
      (r) =>
        input.audience !== "participant" || mayBookOwnSlot(r.startsAt, study.interviewBookingCutoffHours, input.now),
    )
    .map((r) => ({
      id: r.id,
      startsAt: r.startsAt,
      durationMinutes: r.durationMinutes,
      interviewerId: r.interviewerId,
      interviewerName: r.interviewer?.name ?? null,
    }));
}
