import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import { studySlugSchema } from "@/lib/studies/study-settings-form";
import { londonTimeToInstant, londonWallClock } from "@/lib/text/london-time";
import { groupByUkDay } from "./slot-days";

/** Where a slot stands for the team: on offer, taken by someone, taken off offer, or gone by unbooked. */
export type SlotState = "OPEN" | "BOOKED" | "WITHDRAWN" | "PAST";

export type TeamSlot = {
  id: string;
  startsAt: Date;
  durationMinutes: number;
  state: SlotState;
  /** Whether it has started: a booked slot in the past stays BOOKED, as the record of who had it. */
  past: boolean;
  interviewerName: string | null;
  meetingLink: string;
  /** Who holds it; an erased person's name is not shown. */
  bookedBy: { volunteerId: string; fullName: string | null } | null;
};

export type SlotDay = { key: string; label: string; slots: TeamSlot[] };

export type InterviewSlotsView = {
  study: { id: string; slug: string; title: string; shortTitle: string };
  days: SlotDay[];
  counts: Record<SlotState, number>;
};

/**
 * A study of interviews and its slots in time order, grouped by UK day, each with its state and who
 * booked it: the team's calendar. `from` leaves out slots that start before it (the page shows today
 * onwards unless asked for earlier ones). Any signed-in researcher may see it. Null for a study that does
 * not exist or is not one of interviews (a 404).
 */
export async function listInterviewSlots(
  db: Database,
  _actor: Researcher,
  input: { studySlug: string; from?: Date },
  now = new Date(),
): Promise<InterviewSlotsView | null> {
  if (!studySlugSchema.safeParse(input.studySlug).success) return null;
  const study = await db.study.findUnique({
    where: { slug: input.studySlug },
    select: { id: true, slug: true, title: true, shortTitle: true, kind: true },
  });
  if (!study || study.kind !== "INTERVIEW") return null;
  const rows = await db.interviewSlot.findMany({
    where: { studyId: study.id, ...(input.from ? { startsAt: { gte: input.from } } : {}) },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      startsAt: true,
      durationMinutes: true,
      meetingLink: true,
      withdrawnAt: true,
      interviewer: { select: { name: true } },
      bookedInterview: {
        select: { participation: { select: { volunteer: { select: { id: true, fullName: true, erasedAt: true } } } } },
      },
    },
  });

  const counts: Record<SlotState, number> = { OPEN: 0, BOOKED: 0, WITHDRAWN: 0, PAST: 0 };
  const slots = rows.map((row): TeamSlot => {
    const past = row.startsAt.getTime() <= now.getTime();
    const volunteer = row.bookedInterview?.participation.volunteer;
    const state: SlotState = volunteer ? "BOOKED" : row.withdrawnAt ? "WITHDRAWN" : past ? "PAST" : "OPEN";
    counts[state] += 1;
    return {
      id: row.id,
      startsAt: row.startsAt,
      durationMinutes: row.durationMinutes,
      state,
      past,
      interviewerName: row.interviewer?.name ?? null,
      meetingLink: row.meetingLink,
      bookedBy: volunteer
        ? { volunteerId: volunteer.id, fullName: volunteer.erasedAt ? null : volunteer.fullName }
        : null,
    };
  });
  return {
    study: { id: study.id, slug: study.slug, title: study.title, shortTitle: study.shortTitle },
    days: groupByUkDay(slots).map((d) => ({ key: d.key, label: d.label, slots: d.items })),
    counts,
  };
}

/** The researchers who may be named as a slot's interviewer: every active account, by name. */
export async function listInterviewers(db: Database, _actor: Researcher): Promise<{ id: string; name: string }[]> {
  const rows = await db.researcher.findMany({
    where: { disabledAt: null },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: { id: true, name: true, email: true },
  });
  // An account with no name yet is named by its email, so the list never shows a blank choice.
  return rows.map((r) => ({ id: r.id, name: r.name ?? r.email }));
}

/** One slot of a study of interviews, for the page that asks before withdrawing it; null if not that study's. */
export async function findInterviewSlot(
  db: Database,
  actor: Researcher,
  input: { studySlug: string; slotId: string },
  now = new Date(),
): Promise<{ study: InterviewSlotsView["study"]; slot: TeamSlot } | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(input.slotId)) return null;
  const study = await db.study.findUnique({ where: { slug: input.studySlug }, select: { id: true } });
  const row = study
    ? await db.interviewSlot.findFirst({ where: { id: input.slotId, studyId: study.id }, select: { startsAt: true } })
    : null;
  if (!row) return null;
  // The same shape and words as the list, from a list of one.
  const view = await listInterviewSlots(db, actor, { studySlug: input.studySlug, from: row.startsAt }, now);
  const slot = view?.days.flatMap((d) => d.slots).find((s) => s.id === input.slotId);
  return view && slot ? { study: view.study, slot } : null;
}

/** The start of today in the UK, as an instant: where the team's calendar begins unless asked for earlier. */
export function startOfUkToday(now = new Date()): Date {
  const c = londonWallClock(now);
  return londonTimeToInstant(c, { hour: 0, minute: 0 }) ?? now;
}
