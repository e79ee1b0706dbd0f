import { SchedulingError, SchedulingNotFoundError } from "@/lib/scheduling/errors";
import { inSchedulingTransaction, lockWorkshopSessions } from "@/lib/scheduling/transaction";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertAdmin } from "@/lib/auth/permissions";
import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import { offerFreedSeats } from "@/lib/workshops/offer-freed-seats";
import { HOLDS_A_PLACE } from "@/lib/workshops/workshop-participation";
import {
  emailWorkshopPlace,
  emailWorkshopWaitlistChanged,
  placeContext,
  placeInclude,
} from "@/lib/workshops/place-emails";
import { assertSessionDetails, workshopStudyBySlug } from "./create-workshop-session";
import type { SessionForm } from "./session-form";

/** What people with a place need to hear about when it changes. */
const NOTIFIED_FIELDS = ["startsAt", "endsAt", "mode", "location", "onlineLink"] as const;

/**
 * Edits a session. Admins only. The capacity may not go below the places already booked; raising it
 * offers the new places to the waiting list at once. When the time or place changes, everyone with a
 * place is sent the updated calendar invitation (same UID, SEQUENCE up by one) and everyone waiting is
 * told. A cancelled session cannot be edited, and a session cannot be moved into the past.
 */
export async function updateWorkshopSession(
  db: Database,
  actor: Researcher,
  input: SessionForm & { studySlug: string; sessionId: string },
  now = new Date(),
): Promise<{ changed: string[]; offered: number }> {
  assertAdmin(actor);
  assertSessionDetails(input);
  return inSchedulingTransaction(db, async (tx) => {
    const study = await workshopStudyBySlug(tx, input.studySlug);
    await lockWorkshopSessions(tx, [input.sessionId]);
    const session = await tx.workshopSession.findUnique({ where: { id: input.sessionId } });
    if (!session || session.studyId !== study.id) throw new SchedulingNotFoundError("That workshop session");
    if (session.cancelledAt) throw new SchedulingError("This session has been cancelled, so it cannot be changed.");

    const next = {
      title: input.title,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      mode: input.mode,
      location: input.location,
      onlineLink: input.onlineLink,
      region: input.region,
      capacity: input.capacity,
    };
    const same = (a: unknown, b: unknown) =>
      a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => !same(session[k], next[k]));
    const timeChanged = changed.includes("startsAt") || changed.includes("endsAt");
    if (timeChanged && input.startsAt.getTime() <= now.getTime())
      throw new SchedulingError("The session must be in the future", "date");
    // A place offered to someone waiting is held for them, so it counts as booked here.
    const booked = await tx.workshopBooking.count({
      where: { workshopSessionId: session.id, status: { in: [...HOLDS_A_PLACE] } },
    });
    if (input.capacity < booked) {
      throw new SchedulingError(
        `The capacity cannot be less than the ${booked} ${booked === 1 ? "place" : "places"} already booked or offered`,
        "capacity",
      );
    }
    if (changed.length === 0) return { changed, offered: 0 };

    await tx.workshopSession.update({ where: { id: session.id }, data: next });
    if (NOTIFIED_FIELDS.some((f) => changed.includes(f))) {
      const people = await tx.workshopBooking.findMany({
        where: { workshopSessionId: session.id, status: { in: ["BOOKED", "WAITLISTED", "OFFERED"] } },
        include: placeInclude,
        orderBy: { createdAt: "asc" },
      });
      for (const booking of people) {
        if (booking.status === "BOOKED") {
          const sequence = booking.calendarSequence + 1;
          await tx.workshopBooking.update({ where: { id: booking.id }, data: { calendarSequence: sequence } });
          await emailWorkshopPlace(tx, placeContext(booking), { kind: "changed", sequence, now });
        } else {
          await emailWorkshopWaitlistChanged(tx, placeContext(booking), now);
        }
      }
    }
    const researcher = { actorType: "RESEARCHER" as const, actorId: actor.id };
    const offered =
      input.capacity > session.capacity
        ? await offerFreedSeats(tx, { sessionId: session.id, actor: researcher, now })
        : [];
    await recordAuditEvent(tx, {
      ...researcher,
      action: "workshop_session.updated",
      subjectType: "workshop_session",
      subjectId: session.id,
      data: { studyId: study.id, changed, capacity: input.capacity, previousCapacity: session.capacity },
    });
    return { changed, offered: offered.length };
  });
}
