/**
 * Whether an interview or a workshop place is due its reminder: a pure function of what is stored about
 * it. See docs/decisions/006-reminders-and-retention.md.
 *
 * One reminder goes out `hours` before the start (SCHEDULE_REMINDER_HOURS, 24 by default), for each time
 * the booking has had: it is keyed by the booking and its start, so an interview or a session that moves
 * gets a fresh reminder for its new time and a repeated pass sends nothing twice. Never for a booking that
 * was cancelled, for a person who withdrew or was erased, and never once the start has passed (a worker
 * that was down all day does not send yesterday's reminder).
 */

const HOUR_MS = 3_600_000;

export type ScheduleReminderCandidate = {
  /** The interview is SCHEDULED, or the workshop place BOOKED in a session that is not cancelled. */
  booked: boolean;
  withdrawn: boolean;
  volunteerErased: boolean;
  startsAt: Date;
  /** A reminder for this booking at this start time is already in the outbox (sent or not). */
  alreadySent: boolean;
};

export type ScheduleReminderDecision =
  | { due: true }
  | {
      due: false;
      reason: "not-booked" | "withdrawn" | "erased" | "already-sent" | "started" | "not-yet";
      dueAt?: Date;
    };

/** When the reminder for a booking starting at `startsAt` falls due. */
export function scheduleReminderDueAt(startsAt: Date, hours: number): Date {
  return new Date(startsAt.getTime() - hours * HOUR_MS);
}

export function scheduleReminderDecision(
  c: ScheduleReminderCandidate,
  now: Date,
  hours: number,
): ScheduleReminderDecision {
  if (!c.booked) return { due: false, reason: "not-booked" };
  if (c.withdrawn) return { due: false, reason: "withdrawn" };
  if (c.volunteerErased) return { due: false, reason: "erased" };
  if (c.alreadySent) return { due: false, reason: "already-sent" };
  if (c.startsAt.getTime() <= now.getTime()) return { due: false, reason: "started" };
  const dueAt = scheduleReminderDueAt(c.startsAt, hours);
  if (dueAt.getTime() > now.getTime()) return { due: false, reason: "not-yet", dueAt };
  return { due: true };
}

/** The outbox's dedupe key of a reminder: one per booking and start time. */
export function scheduleReminderKey(kind: "interview" | "workshop", id: string, startsAt: Date): string {
  return `${kind}-reminder:${id}:${startsAt.toISOString()}`;
}
