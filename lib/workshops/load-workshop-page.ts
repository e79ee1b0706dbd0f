import { hasSignedCurrentConsent } from "@/lib/scheduling/signed-consent";
import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import type { BookingStatus, ParticipationStatus } from "@/lib/generated/prisma/client";
import type { SessionSummary } from "./list-workshop-sessions";
import { ACTIVE_BOOKING, waitlistPosition } from "./workshop-participation";

export type BookingRow = {
  id: string;
  status: BookingStatus;
  session: SessionSummary;
  /** For a waitlisted booking: 1 is offered the next free place. */
  position: number | null;
  /** For an offered place: when the offer passes to the next person. */
  offerExpiresAt: Date | null;
};

export type WorkshopPageView = {
  volunteer: { id: string; fullName: string; email: string; erased: boolean };
  studies: { slug: string; shortTitle: string }[];
  participation: {
    id: string;
    status: ParticipationStatus;
    study: { slug: string; title: string; shortTitle: string };
    signedCurrentConsent: boolean;
  } | null;
  /** What they asked for when they registered: online, in person or either, and a region. */
  preference: { format: string | null; region: string | null };
  /** The place or waiting-list place they hold now. */
  current: BookingRow | null;
  /** Every booking, newest first. */
  history: BookingRow[];
  /** Sessions of the study that can still be chosen: not cancelled and not started, in time order. */
  open: SessionSummary[];
};

function str(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

/**
 * A volunteer's workshop page: their participation in a study of workshops (the one named, or the first),
 * whether they may be given a place, what they hold, and the sessions open to choose from with their
 * places left. Any researcher may see it. Null when there is no such volunteer (a 404).
 */
export async function loadWorkshopPage(
  db: Database,
  _actor: Researcher,
  input: { volunteerId: string; studySlug?: string },
  now = new Date(),
): Promise<WorkshopPageView | null> {
  const volunteer = await db.volunteer.findUnique({
    where: { id: input.volunteerId },
    include: {
      participations: {
        where: { study: { kind: "WORKSHOP" } },
        include: { study: true },
        orderBy: [{ study: { displayOrder: "asc" } }, { createdAt: "asc" }],
      },
      expressionsOfInterest: { orderBy: { submittedAt: "desc" }, take: 1, select: { answers: true } },
    },
  });
  if (!volunteer) return null;
  const chosen =
    volunteer.participations.find((p) => p.study.slug === input.studySlug) ?? volunteer.participations[0] ?? null;
  const answers = (volunteer.expressionsOfInterest[0]?.answers ?? {}) as Record<string, unknown>;
  const base = {
    volunteer: {
      id: volunteer.id,
      fullName: volunteer.fullName,
      email: volunteer.email,
      erased: volunteer.erasedAt !== null,
    },
    studies: volunteer.participations.map((p) => ({ slug: p.study.slug, shortTitle: p.study.shortTitle })),
    preference: { format: str(answers.workshopFormat), region: str(answers.workshopRegion) },
  };
  if (!chosen) return { ...base, participation: null, current: null, history: [], open: [] };

  const [bookings, sessions, counts] = await Promise.all([
    db.workshopBooking.findMany({
      where: { participationId: chosen.id },
      include: { workshopSession: true },
      orderBy: { updatedAt: "desc" },
    }),
    db.workshopSession.findMany({
      where: { studyId: chosen.studyId, cancelledAt: null, startsAt: { gt: now } },
      orderBy: [{ startsAt: "asc" }, { createdAt: "asc" }],
    }),
    db.workshopBooking.groupBy({
      by: ["workshopSessionId", "status"],
      where: { workshopSession: { studyId: chosen.studyId } },
      _count: { _all: true },
    }),
  ]);
  const count = (sessionId: string, status: string) =>
    counts.find((c) => c.workshopSessionId === sessionId && c.status === status)?._count._all ?? 0;
  const summary = (s: (typeof sessions)[number]): SessionSummary => ({
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
  });
  const history: BookingRow[] = [];
  for (const b of bookings) {
    history.push({
      id: b.id,
      status: b.status,
      session: summary(b.workshopSession),
      position: b.status === "WAITLISTED" ? await waitlistPosition(db, b) : null,
      offerExpiresAt: b.offerExpiresAt,
    });
  }
  return {
    ...base,
    participation: {
      id: chosen.id,
      status: chosen.status,
      study: { slug: chosen.study.slug, title: chosen.study.title, shortTitle: chosen.study.shortTitle },
      signedCurrentConsent: await hasSignedCurrentConsent(db, chosen),
    },
    current: history.find((b) => (ACTIVE_BOOKING as readonly string[]).includes(b.status)) ?? null,
    history,
    open: sessions.map(summary),
  };
}
