import type { ParticipationStatus } from "@/lib/generated/prisma/client";

/**
 * The participation lifecycle: every status, the moves between them, and the named checks that commands
 * (lib) and pages (app, components) both ask, so that a page never offers what a command would refuse.
 * The words for each status are in ./status-words.ts.
 *
 * Pure and type-only on Prisma, so client components can use it too.
 */

/**
 * Where each status can go next, and which step takes it there. A status is `Record`-keyed so that a
 * new one in the schema does not compile until its moves are written down.
 */
export const MOVES: Record<ParticipationStatus, readonly ParticipationStatus[]> = {
  // Registering again re-screens the answers; a researcher can override; anyone can withdraw.
  INTERESTED: ["ELIGIBLE", "INELIGIBLE", "WITHDRAWN"],
  INELIGIBLE: ["ELIGIBLE", "WITHDRAWN"],
  // Invited by a researcher or automatically; a consent link still valid after an override can be used.
  ELIGIBLE: ["INELIGIBLE", "INVITED", "CONSENTED", "DECLINED", "WITHDRAWN"],
  // Signs or declines on the consent form; found not eligible after all, the link stops working.
  INVITED: ["INELIGIBLE", "CONSENTED", "DECLINED", "WITHDRAWN"],
  // An interview or a workshop place (or its waiting list); declining a re-consent request.
  CONSENTED: ["SCHEDULED", "WAITLISTED", "DECLINED", "WITHDRAWN"],
  DECLINED: ["WITHDRAWN"],
  // Taking part, cancelled, or moved to a full session's waiting list.
  SCHEDULED: ["COMPLETED", "CONSENTED", "WAITLISTED", "DECLINED", "WITHDRAWN"],
  // Someone who has taken part can still withdraw (and ask for their data to be removed).
  COMPLETED: ["DECLINED", "WITHDRAWN"],
  WITHDRAWN: [],
  // A freed seat is offered, the place is cancelled, or they move to a session with room.
  WAITLISTED: ["SCHEDULED", "CONSENTED", "DECLINED", "WITHDRAWN"],
};

/** Every status, in the schema's order (which is also the order the volunteers list sorts by). */
export const PARTICIPATION_STATUSES = Object.keys(MOVES) as ParticipationStatus[];

export function canMove(from: ParticipationStatus, to: ParticipationStatus): boolean {
  return MOVES[from].includes(to);
}

/** Statuses that only reflect the answers to the eligibility questions, so they follow them (or an override). */
export const FOLLOWS_ELIGIBILITY: readonly ParticipationStatus[] = ["INTERESTED", "ELIGIBLE", "INELIGIBLE"];

/** Has agreed to take part and not left: an interview or a workshop place can be arranged, or re-consent asked. */
export const TAKING_PART: readonly ParticipationStatus[] = ["CONSENTED", "SCHEDULED", "COMPLETED", "WAITLISTED"];

export function isTakingPart(status: ParticipationStatus): boolean {
  return TAKING_PART.includes(status);
}

/** An invitation (or a fresh consent link) can be sent: eligible and not yet signed. */
export function canInvite(status: ParticipationStatus): boolean {
  return status === "ELIGIBLE" || status === "INVITED";
}

/** Invited before, so sending again is a fresh link rather than a first invitation. */
export function isFirstInvitation(status: ParticipationStatus): boolean {
  return status === "ELIGIBLE";
}

/** Asked to sign the current consent form again after a new version: only those who consented before. */
export function canAskToReconsent(status: ParticipationStatus): boolean {
  return isTakingPart(status);
}

/** Signing the consent form moves them on to CONSENTED; a re-consent leaves where they are. */
export function statusAfterSigning(status: ParticipationStatus): ParticipationStatus {
  return status === "ELIGIBLE" || status === "INVITED" ? "CONSENTED" : status;
}

/** Statuses from which an interview can be booked (when none is booked already). */
export function canBookInterview(status: ParticipationStatus): boolean {
  return status === "CONSENTED" || status === "SCHEDULED";
}

export function canRescheduleInterview(status: ParticipationStatus): boolean {
  return status === "SCHEDULED";
}

/** Statuses from which a workshop place (or a waiting-list place) can be given, or moved. */
export function canAssignWorkshop(status: ParticipationStatus): boolean {
  return status === "CONSENTED" || status === "SCHEDULED" || status === "WAITLISTED";
}

export function canWithdraw(status: ParticipationStatus): boolean {
  return canMove(status, "WITHDRAWN");
}

/** Where a participation stands on its consent and the person's record, as a page or command sees it. */
export type ArrangementFacts = {
  status: ParticipationStatus;
  /** Holds a stored consent record for the study's current consent form. */
  signedCurrentConsent: boolean;
  /** The person's details have been erased. */
  erased: boolean;
};

/** An interview can be booked for them now (the caller adds "none is booked already"). */
export function mayBookInterview(p: ArrangementFacts): boolean {
  return !p.erased && p.signedCurrentConsent && canBookInterview(p.status);
}

/** A workshop place can be given or moved now (the caller adds "their current session has not started"). */
export function mayAssignWorkshop(p: ArrangementFacts): boolean {
  return !p.erased && p.signedCurrentConsent && canAssignWorkshop(p.status);
}

/**
 * What the volunteer page offers about an interview or a workshop place: a link to the page that arranges
 * (and shows) them once they take part, a note that they must sign first while invited, or nothing.
 * Arranging always needs the current consent form signed: the commands refuse otherwise, whatever the
 * study's "consent required" setting says.
 */
export function arrangement(p: Pick<ArrangementFacts, "status" | "erased">): "arrange" | "after-consent" | "none" {
  if (p.erased) return "none";
  if (isTakingPart(p.status)) return "arrange";
  if (canInvite(p.status)) return "after-consent";
  return "none";
}
