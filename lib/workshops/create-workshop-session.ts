import { SchedulingError, SchedulingNotFoundError } from "@/lib/scheduling/errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertAdmin } from "@/lib/auth/permissions";
import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import type { SessionForm } from "./session-form";

/** The rules the form checks, checked again here (the data layer never trusts the page). */
export function assertSessionDetails(input: SessionForm): void {
  if (input.endsAt.getTime() <= input.startsAt.getTime())
    throw new SchedulingError("The end time must be after the start time", "endTime");
  if (!Number.isInteger(input.capacity) || input.capacity < 1)
    throw new SchedulingError("The capacity must be at least 1", "capacity");
  if (input.mode === "ONLINE" && !input.onlineLink?.startsWith("https://"))
    throw new SchedulingError("Enter the online link as a full address starting with https://", "onlineLink");
  if (input.mode === "IN_PERSON" && !input.location)
    throw new SchedulingError("Enter where the session takes place", "location");
}

/** The study of workshops with this slug (sessions belong to one); a 404 for any other. */
export async function workshopStudyBySlug(db: Pick<Database, "study">, slug: string) {
  const study = await db.study.findUnique({ where: { slug } });
  if (!study || study.kind !== "WORKSHOP") throw new SchedulingNotFoundError("That study of workshops");
  return study;
}

/** Adds a session to a study of workshops. Admins only. */
export async function createWorkshopSession(
  db: Database,
  actor: Researcher,
  input: SessionForm & { studySlug: string },
  now = new Date(),
): Promise<{ sessionId: string }> {
  assertAdmin(actor);
  assertSessionDetails(input);
  if (input.startsAt.getTime() <= now.getTime()) throw new SchedulingError("The session must be in the future", "date");
  return db.$transaction(async (tx) => {
    const study = await workshopStudyBySlug(tx, input.studySlug);
    const session = await tx.workshopSession.create({
      data: {
        studyId: study.id,
        title: input.title,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        mode: input.mode,
        location: input.location,
        onlineLink: input.onlineLink,
        region: input.region,
        capacity: input.capacity,
      },
    });
    await recordAuditEvent(tx, {
      actorType: "RESEARCHER",
      actorId: actor.id,
      action: "workshop_session.created",
      subjectType: "workshop_session",
      subjectId: session.id,
      data: { studyId: study.id, mode: input.mode, capacity: input.capacity },
    });
    return { sessionId: session.id };
  });
}
