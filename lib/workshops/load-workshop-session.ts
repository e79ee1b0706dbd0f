import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import type { BookingStatus } from "@/lib/generated/prisma/client";
import type { SessionSummary } from "./list-workshop-sessions";

export type SessionPerson = {
  bookingId: string;
  volunteerId: string;
  fullName: string;
  status: BookingStatus;
  waitlistedAt: Date | null;
  offerExpiresAt: Date | null;
};

export type SessionView = {
  study: { slug: string; title: string; shortTitle: string };
  session: SessionSummary;
  /** People with a place (or offered one), or who came or did not come, by name. */
  places: SessionPerson[];
  /** The waiting list, in the order places are offered. */
  waitlist: SessionPerson[];
};

/**
 * One session of a study of workshops, with who has a place and who is waiting, in order. Any signed-in
 * researcher may see it. Null when the session does not exist or is not this study's (a 404).
 */
export async function loadWorkshopSession(
  db: Database,
  _actor: Researcher,
  input: { studySlug: string; sessionId: string },
): Promise<SessionView | null> {
  const session = await db.workshopSession.findUnique({
    where: { id: input.sessionId },
    include: {
      study: true,
      bookings: {
        where: { status: { not: "CANCELLED" } },
        include: { participation: { include: { volunteer: { select: { id: true, fullName: true } } } } },
        orderBy: [{ waitlistedAt: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!session || session.study.slug !== input.studySlug || session.study.kind !== "WORKSHOP") return null;
  const person = (b: (typeof session.bookings)[number]): SessionPerson => ({
    bookingId: b.id,
    volunteerId: b.participation.volunteer.id,
    fullName: b.participation.volunteer.fullName,
    status: b.status,
    waitlistedAt: b.waitlistedAt,
    offerExpiresAt: b.offerExpiresAt,
  });
  const count = (status: BookingStatus) => session.bookings.filter((b) => b.status === status).length;
  return {
    study: { slug: session.study.slug, title: session.study.title, shortTitle: session.study.shortTitle },
    session: {
      id: session.id,
      title: session.title,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      mode: session.mode,
      location: session.location,
      onlineLink: session.onlineLink,
      region: session.region,
      capacity: session.capacity,
      cancelledAt: session.cancelledAt,
      booked: count("BOOKED"),
      offered: count("OFFERED"),
      waitlisted: count("WAITLISTED"),
      attended: count("ATTENDED"),
    },
    places: session.bookings
      .filter((b) => b.status !== "WAITLISTED")
      .map(person)
      .sort((a, b) => a.fullName.localeCompare(b.fullName, "en-GB")),
    waitlist: session.bookings.filter((b) => b.status === "WAITLISTED").map(person),
  };
}
