import type { Database } from "@/lib/db/prisma";
import type { BookingStatus, ParticipationStatus, WorkshopMode } from "@/lib/generated/prisma/client";
import { mayAssignWorkshop } from "@/lib/participation/status";
import { hasSignedCurrentConsent } from "@/lib/scheduling/signed-consent";
import { placeIsSettled } from "./place-rules";
import { ACTIVE_BOOKING, HOLDS_A_PLACE, waitlistPosition } from "./workshop-participation";

export type OwnSession = {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  mode: WorkshopMode;
  location: string | null;
  /** Places not yet taken (a place offered to someone on the waiting list counts as taken). */
  left: number;
};

export type OwnWorkshopView = {
  participation: { id: string; status: ParticipationStatus; studyTitle: string };
  /** The place, waiting-list place or offer they hold now. */
  current: {
    bookingId: string;
    status: BookingStatus;
    session: OwnSession;
    position: number | null;
    /** For an offered place: until when they may accept it, and whether that time is still to come. */
    offer: { expiresAt: Date; open: boolean } | null;
  } | null;
  /** They may choose (or change to) a session now: signed the current consent form, still taking part. */
  mayChoose: boolean;
  /** The sessions they could choose: not cancelled, not started, not the one they hold; in time order. */
  sessions: OwnSession[];
};

/**
 * What a person sees of their own workshop place through their personal link: what they hold, and the
 * sessions they may choose from with the places left. Null when the participation is not theirs or not
 * in a study of workshops (a 404). Reading it changes nothing.
 */
export async function loadOwnWorkshopPage(
  db: Database,
  input: { volunteerId: string; participationId: string },
  now = new Date(),
): Promise<OwnWorkshopView | null> {
  const participation = await db.participation.findUnique({
    where: { id: input.participationId },
    include: { study: true, volunteer: { select: { erasedAt: true } } },
  });
  if (!participation || participation.volunteerId !== input.volunteerId || participation.study.kind !== "WORKSHOP")
    return null;

  const [sessions, held] = await Promise.all([
    db.workshopSession.findMany({
      where: { studyId: participation.studyId, cancelledAt: null, startsAt: { gt: now } },
      orderBy: [{ startsAt: "asc" }, { createdAt: "asc" }],
      include: { _count: { select: { bookings: { where: { status: { in: [...HOLDS_A_PLACE] } } } } } },
    }),
    db.workshopBooking.findFirst({
      where: { participationId: participation.id, status: { in: [...ACTIVE_BOOKING] } },
      orderBy: { createdAt: "desc" },
      include: {
        workshopSession: {
          include: { _count: { select: { bookings: { where: { status: { in: [...HOLDS_A_PLACE] } } } } } },
        },
      },
    }),
  ]);
  const own = (s: (typeof sessions)[number]): OwnSession => ({
    id: s.id,
    title: s.title,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    mode: s.mode,
    location: s.location,
    left: Math.max(0, s.capacity - s._count.bookings),
  });
  const current = held
    ? {
        bookingId: held.id,
        status: held.status,
        session: own(held.workshopSession),
        position: held.status === "WAITLISTED" ? await waitlistPosition(db, held) : null,
        // Checked on reading too: an offer past its time is shown as ended before the periodic pass runs.
        offer: held.offerExpiresAt
          ? { expiresAt: held.offerExpiresAt, open: held.offerExpiresAt.getTime() > now.getTime() }
          : null,
      }
    : null;
  const mayChoose =
    mayAssignWorkshop({
      status: participation.status,
      erased: participation.volunteer.erasedAt !== null,
      signedCurrentConsent: await hasSignedCurrentConsent(db, participation),
    }) && !placeIsSettled(held && { status: held.status, startsAt: held.workshopSession.startsAt }, now);
  return {
    participation: { id: participation.id, status: participation.status, studyTitle: participation.study.title },
    current,
    mayChoose,
    sessions: sessions.filter((s) => s.id !== held?.workshopSessionId).map(own),
  };
}
