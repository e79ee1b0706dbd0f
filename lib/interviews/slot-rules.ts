/**
 * When a participant may still change their own interview from their personal link, and the words when
 * they may not. Pure, so the page (to decide what to offer) and the commands (to refuse) ask the same.
 */

export const SLOT_TAKEN = "That time has just been taken. Choose another.";

/** The moment after which the person can no longer move or cancel the interview themselves. */
export function ownChangesCloseAt(startsAt: Date, cutoffHours: number): Date {
  return new Date(startsAt.getTime() - cutoffHours * 3_600_000);
}

/** Whether the person may still move or cancel an interview starting then, themselves. */
export function mayChangeOwnInterview(startsAt: Date, cutoffHours: number, now: Date): boolean {
  return now.getTime() < ownChangesCloseAt(startsAt, cutoffHours).getTime();
}

/** A slot the person may book for themselves: one they could still move or cancel after booking it. */
export function mayBookOwnSlot(startsAt: Date, cutoffHours: number, now: Date): boolean {
  return mayChangeOwnInterview(startsAt, cutoffHours, now);
}

function hours(n: number): string {
  return n === 1 ? "1 hour" : `${n} hours`;
}

/** Why the person cannot change their interview here any more, and whom to ask instead. */
export function afterCutoffMessage(study: {
  interviewBookingCutoffHours: number;
  contactName: string;
  contactEmail: string;
}): string {
  const when =
    study.interviewBookingCutoffHours === 0
      ? "Your interview has started"
      : `Your interview is less than ${hours(study.interviewBookingCutoffHours)} away`;
  return `${when}, so it can no longer be changed here. To move or cancel it, contact ${study.contactName} at ${study.contactEmail}.`;
}

/** Why the person cannot book a slot this soon themselves, and whom to ask instead. */
export function tooSoonToBookMessage(study: {
  interviewBookingCutoffHours: number;
  contactName: string;
  contactEmail: string;
}): string {
  return `That time is less than ${hours(study.interviewBookingCutoffHours)} away, so it cannot be booked here. Choose a later time, or contact ${study.contactName} at ${study.contactEmail}.`;
}

export type SlotTimes = { startsAt: Date; durationMinutes: number };

function endOf(slot: SlotTimes): number {
  return slot.startsAt.getTime() + slot.durationMinutes * 60_000;
}

/** Whether two slots share any time (one ending as the other starts does not). */
export function slotsOverlap(a: SlotTimes, b: SlotTimes): boolean {
  return a.startsAt.getTime() < endOf(b) && b.startsAt.getTime() < endOf(a);
}

/** The new slots that overlap one another or any of `existing`, in time order. */
export function overlappingSlots<T extends SlotTimes>(proposed: readonly T[], existing: readonly SlotTimes[]): T[] {
  const sorted = [...proposed].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  return sorted.filter(
    (slot, i) =>
      existing.some((other) => slotsOverlap(slot, other)) ||
      (i > 0 && slotsOverlap(sorted[i - 1]!, slot)) ||
      (i + 1 < sorted.length && slotsOverlap(slot, sorted[i + 1]!)),
  );
}
