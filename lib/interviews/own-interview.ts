import { z } from "zod";
import type { Database } from "@/lib/db/prisma";
import { findManageAccess } from "@/lib/participation/manage-participation";
import { mayBookInterview } from "@/lib/participation/status";
import { NEEDS_CONSENT, SchedulingError, SchedulingNotFoundError } from "@/lib/scheduling/errors";
import { hasSignedCurrentConsent } from "@/lib/scheduling/signed-consent";
import { bookInterviewSlot, cancelOwnInterview } from "./book-interview-slot";
import { listOpenSlots } from "./interview-slots";
import { groupSlotsByUkDay, type SlotDay } from "./slot-days";
import { afterCutoffMessage, mayChangeOwnInterview } from "./slot-rules";

/**
 * The participant's own interview, as their personal ("Manage your participation") link shows and changes
 * it: what they may do themselves (choose a time, move it, cancel it, up to the study's cut-off), and the
 * data layer's refusals reworded for them (the commands word them for researchers).
 */

export const CHOOSE_A_TIME = "Choose a time for your interview";
export const SIGN_FIRST = "You can choose a time once you have signed the consent form.";
const NO_LONGER_OFFERED = "That time is no longer offered. Choose another.";

export type OwnBooking = {
  startsAt: Date;
  durationMinutes: number;
  meetingLink: string;
  /** Before the cut-off: the person may move or cancel it here. */
  mayChange: boolean;
  /** After it: whom to contact instead. */
  afterCutoff: string;
};

export type OwnInterview = {
  participationId: string;
  /** Nothing booked, and they may book: offer the chooser. */
  mayBook: boolean;
  booked: OwnBooking | null;
};

/** What each of the person's interview studies offers them on their manage page, by participation id. */
export async function ownInterviews(
  db: Database,
  volunteerId: string,
  now = new Date(),
): Promise<Map<string, OwnInterview>> {
  const participations = await db.participation.findMany({
    where: { volunteerId, study: { kind: "INTERVIEW" } },
    include: { study: true, volunteer: { select: { erasedAt: true } } },
  });
  const result = new Map<string, OwnInterview>();
  for (const p of participations) {
    const current = await db.interview.findFirst({ where: { participationId: p.id, status: "SCHEDULED" } });
    const booked = current
      ? {
          startsAt: current.startsAt,
          durationMinutes: current.durationMinutes,
          meetingLink: current.meetingLink,
          mayChange: mayChangeOwnInterview(current.startsAt, p.study.interviewBookingCutoffHours, now),
          afterCutoff: afterCutoffMessage(p.study),
        }
      : null;
    const facts = {
      status: p.status,
      erased: p.volunteer.erasedAt !== null,
      signedCurrentConsent: await hasSignedCurrentConsent(db, p),
    };
    result.set(p.id, { participationId: p.id, mayBook: !booked && mayBookInterview(facts), booked });
  }
  return result;
}

export type OwnSlotChooser =
  | { kind: "invalid" }
  | { kind: "not-found" }
  | {
      kind: "ready";
      participationId: string;
      studyTitle: string;
      contact: { name: string; email: string };
      booked: OwnBooking | null;
      /** Why they cannot choose a time here now, if they cannot; else the open slots by UK day. */
      unavailable: string | null;
      days: SlotDay<{ id: string; startsAt: Date; durationMinutes: number }>[];
    };

function unavailableReason(status: string, signed: boolean, booked: OwnBooking | null): string | null {
  if (status === "WITHDRAWN") return "You have withdrawn from this study, so no interview can be booked.";
  if (status === "COMPLETED") return "You have already taken part in this study, so there is no interview to book.";
  if (booked && !booked.mayChange) return booked.afterCutoff;
  if (status !== "CONSENTED" && status !== "SCHEDULED") return SIGN_FIRST;
  if (!signed) return SIGN_FIRST;
  return null;
}

/** The chooser page: the person's interview study, what is booked, and the slots they may book. */
export async function loadOwnSlotChooser(
  db: Database,
  token: string | undefined,
  participationId: string | undefined,
  now = new Date(),
): Promise<OwnSlotChooser> {
  const access = await findManageAccess(db, token, now);
  if (!access) return { kind: "invalid" };
  if (!z.uuid().safeParse(participationId).success) return { kind: "not-found" };
  const p = await db.participation.findUnique({ where: { id: participationId }, include: { study: true } });
  if (!p || p.volunteerId !== access.volunteerId || p.study.kind !== "INTERVIEW") return { kind: "not-found" };
  const own = (await ownInterviews(db, access.volunteerId, now)).get(p.id)!;
  const unavailable = unavailableReason(p.status, await hasSignedCurrentConsent(db, p), own.booked);
  const slots = unavailable ? [] : await listOpenSlots(db, { studyId: p.studyId, now, audience: "participant" });
  return {
    kind: "ready",
    participationId: p.id,
    studyTitle: p.study.title,
    contact: { name: p.study.contactName, email: p.study.contactEmail },
    booked: own.booked,
    unavailable,
    days: groupSlotsByUkDay(slots.map((s) => ({ id: s.id, startsAt: s.startsAt, durationMinutes: s.durationMinutes }))),
  };
}

/** The commands' refusals as the participant should read them: about them, not about "this person". */
export function participantMessage(error: SchedulingError): string {
  const m = error.message;
  if (m.startsWith(NEEDS_CONSENT)) return SIGN_FIRST;
  if (m.startsWith("This person has withdrawn"))
    return "You have withdrawn from this study, so no interview can be booked.";
  if (m.startsWith("This person has already taken part"))
    return "You have already taken part in this study, so there is no interview to book.";
  if (m.startsWith("This person's details have been erased")) return "This link no longer works.";
  if (m === "This interview is already booked at that time.") return "Your interview is already booked at that time.";
  return m;
}

export type OwnChangeResult =
  | { kind: "invalid" }
  | { kind: "not-found" }
  | { kind: "done"; moved: boolean }
  | { kind: "refused"; message: string; field?: "slotId" };

async function refusedOr(run: () => Promise<OwnChangeResult>): Promise<OwnChangeResult> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof SchedulingNotFoundError) {
      // A time that is not there (or in another study) is the person's choice gone stale; anything else
      // named in the form that is not theirs is a 404.
      return error.message.startsWith("That interview time")
        ? { kind: "refused", message: NO_LONGER_OFFERED, field: "slotId" }
        : { kind: "not-found" };
    }
    if (error instanceof SchedulingError)
      return { kind: "refused", message: participantMessage(error), ...(error.field ? { field: "slotId" } : {}) };
    throw error;
  }
}

/**
 * Books the chosen slot for the holder of a manage link, or moves their interview to it: the participant
 * is the actor. A slot id that is not a slot is refused like one no longer offered, and nothing changes.
 */
export async function bookOwnSlotFromLink(
  db: Database,
  token: string | undefined,
  input: { participationId: string; slotId: string },
  now = new Date(),
): Promise<OwnChangeResult> {
  const access = await findManageAccess(db, token, now);
  if (!access) return { kind: "invalid" };
  if (!z.uuid().safeParse(input.participationId).success) return { kind: "not-found" };
  if (input.slotId.trim() === "") return { kind: "refused", message: CHOOSE_A_TIME, field: "slotId" };
  if (!z.uuid().safeParse(input.slotId).success)
    return { kind: "refused", message: NO_LONGER_OFFERED, field: "slotId" };
  return refusedOr(async () => {
    const { moved } = await bookInterviewSlot(
      db,
      { type: "PARTICIPANT", volunteerId: access.volunteerId },
      { volunteerId: access.volunteerId, participationId: input.participationId, slotId: input.slotId },
      now,
    );
    return { kind: "done", moved };
  });
}

/** Cancels the link holder's own booked interview, up to the study's cut-off. */
export async function cancelOwnInterviewFromLink(
  db: Database,
  token: string | undefined,
  input: { participationId: string },
  now = new Date(),
): Promise<OwnChangeResult> {
  const access = await findManageAccess(db, token, now);
  if (!access) return { kind: "invalid" };
  if (!z.uuid().safeParse(input.participationId).success) return { kind: "not-found" };
  return refusedOr(async () => {
    await cancelOwnInterview(db, { volunteerId: access.volunteerId, participationId: input.participationId }, now);
    return { kind: "done", moved: false };
  });
}
