-- A workshop place gets a calendar invitation, updated in place as an interview's is: the booking's id
-- makes the event's UID, and its SEQUENCE rises with every change sent (a new time or place, a
-- cancellation), so that calendars replace the event rather than add a second one.
ALTER TABLE "workshop_bookings" ADD COLUMN "calendar_sequence" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "workshop_bookings" ADD CONSTRAINT "workshop_bookings_calendar_sequence_check" CHECK ("calendar_sequence" >= 0);
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_calendar_sequence_check" CHECK ("calendar_sequence" >= 0);

-- The waiting list is kept in the order people joined it: a waitlisted booking must say when that was.
ALTER TABLE "workshop_bookings" ADD CONSTRAINT "workshop_bookings_waitlisted_at_check" CHECK ("status" <> 'WAITLISTED' OR "waitlisted_at" IS NOT NULL);
