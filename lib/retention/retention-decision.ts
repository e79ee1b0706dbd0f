/**
 * Who the retention job anonymises, as a pure function of what is stored about one person. See
 * docs/decisions/006-reminders-and-retention.md.
 *
 * Two kinds of record outlive their purpose: a person found ineligible for a study (they never took part,
 * and the team only needs their record while answering questions about recruitment), and a person who
 * withdrew and asked for their data to be removed. Each study sets how long such records are kept
 * (retentionDays); a study with no period set keeps them until someone erases them by hand.
 *
 * A person is anonymised as a whole or not at all, because their details (name, email, answers) are one
 * record shared by all their studies. So they are due only when EVERY one of their participations is past
 * its study's period for one of the two reasons above. Anything else still needs their details: an
 * invitation waiting for an answer, a consent that stands, a withdrawal that kept the data, a decline the
 * team may follow up. An ineligible participation counts only where they never consented to anything,
 * except in studies they then left asking for removal: consent evidence itself is never touched (it is
 * append-only), so the only consent that keeps a person's details is one they have not withdrawn.
 */

const DAY_MS = 86_400_000;

export type RetentionReason = "ineligible" | "withdrawn_with_removal";

export type RetentionParticipation = {
  id: string;
  studyId: string;
  status: string;
  /** The study's retention period in days; null: kept until erased by hand. */
  retentionDays: number | null;
  /** The last time the record changed for a reason of its own: a registration, an override. */
  lastActivityAt: Date;
  /** Whether a consent record exists for this participation. */
  consented: boolean;
  /** The latest withdrawal, if any. */
  withdrawal: { dataChoice: "KEEP" | "REMOVE"; withdrawnAt: Date } | null;
};

export type RetentionPerson = {
  erased: boolean;
  participations: RetentionParticipation[];
};

export type RetentionDecision =
  { due: false } | { due: true; participations: { id: string; studyId: string; reason: RetentionReason }[] };

function expired(since: Date, days: number, now: Date): boolean {
  return since.getTime() + days * DAY_MS <= now.getTime();
}

/** Why this one participation no longer needs the person's details, or null if it still does. */
export function participationRetentionReason(p: RetentionParticipation, now: Date): RetentionReason | null {
  if (p.retentionDays === null) return null;
  if (p.status === "INELIGIBLE" && !p.consented && p.withdrawal === null) {
    return expired(p.lastActivityAt, p.retentionDays, now) ? "ineligible" : null;
  }
  if (p.status === "WITHDRAWN" && p.withdrawal?.dataChoice === "REMOVE") {
    return expired(p.withdrawal.withdrawnAt, p.retentionDays, now) ? "withdrawn_with_removal" : null;
  }
  return null;
}

export function retentionDecision(person: RetentionPerson, now: Date): RetentionDecision {
  if (person.erased || person.participations.length === 0) return { due: false };
  const reasons: { id: string; studyId: string; reason: RetentionReason }[] = [];
  for (const p of person.participations) {
    const reason = participationRetentionReason(p, now);
    if (reason === null) return { due: false };
    reasons.push({ id: p.id, studyId: p.studyId, reason });
  }
  return { due: true, participations: reasons };
}
