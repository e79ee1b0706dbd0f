/**
 * Whether an invitation is due a reminder, and which one: a pure function of what is stored about it.
 * See docs/decisions/006-reminders-and-retention.md.
 *
 * A reminder goes to a person invited to a study that is still recruiting who has not answered: not
 * signed, not declined, not withdrawn, and not asked to speak to the team (the team is in touch then).
 * The first is due `reminderAfterDays` after the latest link they were sent (the invitation, or a link a
 * researcher re-sent), the second the same interval after the first, and there is never a third: two
 * reminders are a nudge, more would press someone who has chosen not to answer.
 */

export const MAX_REMINDERS = 2;
const DAY_MS = 86_400_000;

export type ReminderCandidate = {
  status: string;
  /** The eligibility that applies: a researcher's override if there is one, else the computed one. */
  eligibility: "ELIGIBLE" | "INELIGIBLE";
  volunteerErased: boolean;
  studyRecruiting: boolean;
  /** The study's interval in days; null: the study sends no reminders. */
  reminderAfterDays: number | null;
  invitedAt: Date | null;
  /** When the newest consent link was made (an invitation, a re-sent link or a reminder). */
  lastLinkSentAt: Date | null;
  lastReminderAt: Date | null;
  remindersSent: number;
  questionsRaisedAt: Date | null;
  withdrawnAt: Date | null;
  consented: boolean;
};

export type ReminderDecision =
  | { due: true; reminderNumber: number }
  | { due: false; reason: "not-waiting-for-an-answer" | "reminders-off" | "all-sent" | "not-yet"; dueAt?: Date };

/** When the next reminder falls due, or null if none ever will (the invitation was never sent). */
export function nextReminderAt(
  c: Pick<ReminderCandidate, "invitedAt" | "lastLinkSentAt" | "lastReminderAt">,
  days: number,
): Date | null {
  const times = [c.invitedAt, c.lastLinkSentAt, c.lastReminderAt]
    .filter((t): t is Date => t !== null)
    .map((t) => t.getTime());
  if (times.length === 0 || c.invitedAt === null) return null;
  return new Date(Math.max(...times) + days * DAY_MS);
}

export function reminderDecision(c: ReminderCandidate, now: Date): ReminderDecision {
  const waiting =
    c.status === "INVITED" &&
    c.eligibility === "ELIGIBLE" &&
    !c.volunteerErased &&
    c.studyRecruiting &&
    !c.consented &&
    c.withdrawnAt === null &&
    c.questionsRaisedAt === null;
  if (!waiting) return { due: false, reason: "not-waiting-for-an-answer" };
  if (c.reminderAfterDays === null) return { due: false, reason: "reminders-off" };
  if (c.remindersSent >= MAX_REMINDERS) return { due: false, reason: "all-sent" };
  const dueAt = nextReminderAt(c, c.reminderAfterDays);
  if (dueAt === null) return { due: false, reason: "not-waiting-for-an-answer" };
  if (dueAt.getTime() > now.getTime()) return { due: false, reason: "not-yet", dueAt };
  return { due: true, reminderNumber: c.remindersSent + 1 };
}
