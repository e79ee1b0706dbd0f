import {
  calendarAttachment,
  calendarUid,
  type CalendarAttachment,
  type CalendarEvent,
} from "@/lib/calendar/calendar-file";
import { readEnv } from "@/lib/config/env";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { ukTimeSpan } from "@/lib/email/templates/interview-emails";
import {
  renderWorkshopAttendance,
  renderWorkshopCancellation,
  renderWorkshopOffer,
  renderWorkshopOfferEnded,
  renderWorkshopPlace,
  renderWorkshopWaitlistChanged,
  renderWorkshopWaitlisted,
  type WorkshopCancellationReason,
  type WorkshopPlaceKind,
  type WorkshopSessionFacts,
} from "@/lib/email/templates/workshop-emails";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createManageLink } from "@/lib/participation/manage-link";
import { cancelPendingScheduleReminders } from "@/lib/reminders/cancel-pending-reminders";

type Tx = Prisma.TransactionClient;

/** What the emails about one person's place need to know. */
export type PlaceContext = {
  bookingId: string;
  participationId: string;
  volunteer: { id: string; email: string; fullName: string };
  study: { title: string; contactName: string; contactEmail: string };
  session: WorkshopSessionFacts;
};

/** The workshop as a calendar event, updated in place: the booking's UID, this SEQUENCE. */
export function workshopCalendarEvent(
  place: PlaceContext,
  method: "REQUEST" | "CANCEL",
  sequence: number,
): CalendarEvent {
  const { session, study } = place;
  const where =
    session.mode === "ONLINE"
      ? `Online: ${session.onlineLink ?? "the link will follow"}`
      : (session.location ?? "To be confirmed");
  return {
    method,
    uid: calendarUid("workshop-place", place.bookingId, readEnv().publicUrl),
    sequence,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    title: `Workshop: ${session.title}`,
    description: [
      study.title,
      `When: ${ukTimeSpan(session.startsAt, session.endsAt)}`,
      `Where: ${where}`,
      `If you cannot come, contact ${study.contactName} at ${study.contactEmail}.`,
    ].join("\n"),
    location: session.mode === "ONLINE" ? (session.onlineLink ?? "Online") : session.location,
    url: session.mode === "ONLINE" ? session.onlineLink : null,
    organizer: { name: study.contactName, email: study.contactEmail },
    attendee: { name: place.volunteer.fullName, email: place.volunteer.email },
  };
}

async function common(tx: Tx, place: PlaceContext, now: Date) {
  const { publicUrl, MANAGE_LINK_DAYS } = readEnv();
  const manageUrl = await createManageLink(tx, {
    volunteerId: place.volunteer.id,
    publicUrl,
    days: MANAGE_LINK_DAYS,
    now,
  });
  return {
    fullName: place.volunteer.fullName,
    studyTitle: place.study.title,
    session: place.session,
    contactName: place.study.contactName,
    contactEmail: place.study.contactEmail,
    manageUrl,
  };
}

function addressing(place: PlaceContext) {
  return { to: place.volunteer.email, volunteerId: place.volunteer.id, participationId: place.participationId };
}

/**
 * A confirmed place (booked, moved, offered from the waiting list, or changed), with its calendar
 * invitation at `sequence`. A move also carries the cancellation of the old place.
 */
export async function emailWorkshopPlace(
  tx: Tx,
  place: PlaceContext,
  input: { kind: WorkshopPlaceKind; sequence: number; now: Date; previous?: { place: PlaceContext; sequence: number } },
): Promise<void> {
  // A reminder of the old time must not follow this email; the new time gets its own.
  await cancelPendingScheduleReminders(tx, "workshop", place.bookingId, input.now);
  if (input.previous) await cancelPendingScheduleReminders(tx, "workshop", input.previous.place.bookingId, input.now);
  const attachments: CalendarAttachment[] = [
    calendarAttachment(workshopCalendarEvent(place, "REQUEST", input.sequence), "invitation.ics"),
  ];
  if (input.previous)
    attachments.push(
      calendarAttachment(
        workshopCalendarEvent(input.previous.place, "CANCEL", input.previous.sequence),
        "cancellation.ics",
      ),
    );
  await enqueueEmail(tx, {
    dedupeKey: `workshop-place:${place.bookingId}:${input.sequence}`,
    template: `workshop-place-${input.kind}`,
    ...addressing(place),
    ...renderWorkshopPlace({
      ...(await common(tx, place, input.now)),
      kind: input.kind,
      ...(input.previous ? { previous: input.previous.place.session } : {}),
    }),
    attachments,
  });
}

/**
 * A freed place offered to the person, held until `expiresAt`: the link opens their own workshop page,
 * where they accept or decline it. No calendar file yet: that comes when they accept.
 */
export async function emailWorkshopOffer(
  tx: Tx,
  place: PlaceContext,
  input: { expiresAt: Date; now: Date },
): Promise<void> {
  const base = await common(tx, place, input.now);
  await enqueueEmail(tx, {
    dedupeKey: `workshop-offer:${place.bookingId}:${input.expiresAt.toISOString()}`,
    template: "workshop-place-offer",
    ...addressing(place),
    ...renderWorkshopOffer({
      ...base,
      expiresAt: input.expiresAt,
      answerUrl: `${base.manageUrl}/workshop?p=${place.participationId}`,
    }),
  });
}

/** The offer has passed to the next person: declined, or not answered in time. */
export async function emailWorkshopOfferEnded(
  tx: Tx,
  place: PlaceContext,
  input: { reason: "DECLINED" | "EXPIRED"; now: Date },
): Promise<void> {
  await enqueueEmail(tx, {
    dedupeKey: `workshop-offer-ended:${place.bookingId}:${input.now.toISOString()}`,
    template: input.reason === "DECLINED" ? "workshop-offer-declined" : "workshop-offer-expired",
    ...addressing(place),
    ...renderWorkshopOfferEnded({ ...(await common(tx, place, input.now)), reason: input.reason }),
  });
}

export async function emailWorkshopWaitlisted(
  tx: Tx,
  place: PlaceContext,
  input: { position: number; waitlistedAt: Date; now: Date },
): Promise<void> {
  await enqueueEmail(tx, {
    dedupeKey: `workshop-waitlisted:${place.bookingId}:${input.waitlistedAt.toISOString()}`,
    template: "workshop-waitlisted",
    ...addressing(place),
    ...renderWorkshopWaitlisted({ ...(await common(tx, place, input.now)), position: input.position }),
  });
}

export async function emailWorkshopWaitlistChanged(tx: Tx, place: PlaceContext, now: Date): Promise<void> {
  await enqueueEmail(tx, {
    dedupeKey: `workshop-waitlist-changed:${place.bookingId}:${now.toISOString()}`,
    template: "workshop-waitlist-changed",
    ...addressing(place),
    ...renderWorkshopWaitlistChanged(await common(tx, place, now)),
  });
}

/** A place (booked: with the calendar cancellation at `sequence`) or a waiting-list place is cancelled. */
export async function emailWorkshopCancellation(
  tx: Tx,
  place: PlaceContext,
  input: { reason: WorkshopCancellationReason; wasWaitlisted: boolean; sequence: number; now: Date },
): Promise<void> {
  await cancelPendingScheduleReminders(tx, "workshop", place.bookingId, input.now);
  await enqueueEmail(tx, {
    dedupeKey: `workshop-cancellation:${place.bookingId}:${input.now.toISOString()}`,
    template: input.reason === "SESSION_CANCELLED" ? "workshop-session-cancelled" : "workshop-place-cancelled",
    ...addressing(place),
    ...renderWorkshopCancellation({
      ...(await common(tx, place, input.now)),
      reason: input.reason,
      wasWaitlisted: input.wasWaitlisted,
    }),
    ...(input.wasWaitlisted
      ? {}
      : { attachments: [calendarAttachment(workshopCalendarEvent(place, "CANCEL", input.sequence))] }),
  });
}

export async function emailWorkshopAttendance(
  tx: Tx,
  place: PlaceContext,
  input: { attended: boolean; now: Date },
): Promise<void> {
  await enqueueEmail(tx, {
    dedupeKey: `workshop-attendance:${place.bookingId}`,
    template: input.attended ? "workshop-attended" : "workshop-did-not-attend",
    ...addressing(place),
    ...renderWorkshopAttendance({ ...(await common(tx, place, input.now)), attended: input.attended }),
  });
}

/** The include that loads a booking with everything PlaceContext needs. */
export const placeInclude = {
  workshopSession: { include: { study: true } },
  participation: { include: { volunteer: true } },
} as const satisfies Prisma.WorkshopBookingInclude;

type BookingWithPlace = Prisma.WorkshopBookingGetPayload<{ include: typeof placeInclude }>;

export function placeContext(booking: BookingWithPlace): PlaceContext {
  const s = booking.workshopSession;
  return {
    bookingId: booking.id,
    participationId: booking.participationId,
    volunteer: {
      id: booking.participation.volunteer.id,
      email: booking.participation.volunteer.email,
      fullName: booking.participation.volunteer.fullName,
    },
    study: { title: s.study.title, contactName: s.study.contactName, contactEmail: s.study.contactEmail },
    session: {
      title: s.title,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      mode: s.mode,
      location: s.location,
      onlineLink: s.onlineLink,
    },
  };
}
