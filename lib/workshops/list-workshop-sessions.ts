import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import type { WorkshopMode } from "@/lib/generated/prisma/client";

export type SessionSummary = {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  mode: WorkshopMode;
  location: string | null;
  onlineLink: string | null;
  region: string | null;
  capacity: number;
  cancelledAt: Date | null;
  booked: number;
  /** Places offered to someone on the waiting list, held until they answer: taken, for capacity. */
  offered: number;
  waitlisted: number;
  attended: number;
};

export type SessionsView = {
  study: { id: string; slug: string; title: string; shortTitle: string };
  sessions: SessionSummary[];
};

/**
 * A study of workshops and its sessions in time order, each with its places booked, its waiting list and
 * attendance, counted in one query. Any signed-in researcher may see it. Null for a study that does not
 * exist or is not one of workshops (a 404).
 */
export async function listWorkshopSessions(
  db: Database,
  _actor: Researcher,
  input: { studySlug: string },
): Promise<SessionsView | null> {
  const study = await db.study.findUnique({
    where: { slug: input.studySlug },
    select: { id: true, slug: true, title: true, shortTitle: true, kind: true },
  });
  if (!study || study.kind !== "WORKSHOP") return null;
  const [sessions, counts] = await Promise.all([
    db.workshopSession.findMany({ where: { studyId: study.id }, orderBy: [{ startsAt: "asc" }, { createdAt: "asc" }] }),
    db.workshopBooking.groupBy({
      by: ["workshopSessionId", "status"],
      where: { workshopSession: { studyId: study.id } },
      _count: { _all: true },
    }),
  ]);
  const count = (sessionId: string, status: string) =>
    counts.find((c) => c.workshopSessionId === sessionId && c.status === status)?._count._all ?? 0;
  return {
    study: { id: study.id, slug: study.slug, title: study.title, shortTitle: study.shortTitle },
    sessions: sessions.map((s) => ({
      id: s.id,
      title: s.title,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      mode: s.mode,
      location: s.location,
      onlineLink: s.onlineLink,
      region: s.region,
      capacity: s.capacity,
      cancelledAt: s.cancelledAt,
      booked: count(s.id, "BOOKED"),
      offered: count(s.id, "OFFERED"),
      waitlisted: count(s.id, "WAITLISTED"),
      attended: count(s.id, "ATTENDED"),
    })),
  };
}
