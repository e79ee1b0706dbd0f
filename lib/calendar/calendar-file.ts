import { createEvent } from "ics";

/**
 * A calendar invitation (iCalendar, RFC 5545, with iTIP's METHOD) for one event, made with the `ics`
 * package. An event is updated in place: every file about it carries the same UID and a higher SEQUENCE
 * than the last, so calendars move or remove the event they already have. Times are written in UTC.
 */
export type CalendarEvent = {
  method: "REQUEST" | "CANCEL";
  uid: string;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  title: string;
  description: string;
  location: string | null;
  url: string | null;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
};

export type CalendarAttachment = { filename: string; contentType: string; content: Uint8Array<ArrayBuffer> };

const PRODUCT_ID = "-//THET and Imperial College London//Bi-directional learning research portal//EN";

/**
 * A name as an iCalendar parameter value (CN="…"): such values cannot contain a double quote or a control
 * character, and the `ics` package would escape them in a way calendars do not read.
 */
function commonName(name: string): string {
  return name
    .replace(/"/g, "'")
    .replace(/\p{Cc}+/gu, " ")
    .trim();
}

export function calendarText(event: CalendarEvent): string {
  const cancel = event.method === "CANCEL";
  const { error, value } = createEvent({
    productId: PRODUCT_ID,
    method: event.method,
    uid: event.uid,
    sequence: event.sequence,
    start: event.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: event.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    title: cancel ? `Cancelled: ${event.title}` : event.title,
    description: event.description,
    ...(event.location ? { location: event.location } : {}),
    ...(event.url ? { url: event.url } : {}),
    status: cancel ? "CANCELLED" : "CONFIRMED",
    busyStatus: cancel ? "FREE" : "BUSY",
    organizer: { name: commonName(event.organizer.name), email: event.organizer.email },
    attendees: [
      {
        name: commonName(event.attendee.name),
        email: event.attendee.email,
        rsvp: false,
        partstat: "NEEDS-ACTION",
        role: "REQ-PARTICIPANT",
      },
    ],
  });
  if (error || !value) throw error ?? new Error("The calendar file could not be made.");
  return value;
}

/** The event as an email attachment: "invitation.ics" or "cancellation.ics". */
export function calendarAttachment(event: CalendarEvent, filename?: string): CalendarAttachment {
  const content = new TextEncoder().encode(calendarText(event));
  return {
    filename: filename ?? (event.method === "CANCEL" ? "cancellation.ics" : "invitation.ics"),
    contentType: `text/calendar; charset=utf-8; method=${event.method}`,
    content: new Uint8Array(content),
  };
}

/**
 * A UID no other calendar's event has: the record's kind and id, at the portal's host name (shortened so
 * that the whole fits the 100 characters interviews.calendar_uid holds).
 */
export function calendarUid(kind: "interview" | "workshop-place", id: string, publicUrl: string): string {
  return `${kind}-${id}@${new URL(publicUrl).hostname.slice(0, 40)}`;
}
