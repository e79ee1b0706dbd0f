-- A place freed at a full workshop is offered to the first person on its waiting list for a set time,
-- rather than given outright (issue 10): they accept or decline from their personal link, and an offer
-- not answered in time passes to the next person.

-- OFFERED holds the place (it counts against capacity) until the person answers or the offer ends.
ALTER TYPE "booking_status" ADD VALUE 'OFFERED' AFTER 'WAITLISTED';

ALTER TABLE "workshop_bookings" ADD COLUMN "offer_expires_at" TIMESTAMPTZ(3);
-- An offer always has an end, and nothing else has one. (Compared as text: a value added to an enum
-- cannot be named in the transaction that adds it.)
ALTER TABLE "workshop_bookings" ADD CONSTRAINT "workshop_bookings_offer_expires_with_offer"
    CHECK (("status"::text = 'OFFERED') = ("offer_expires_at" IS NOT NULL));
-- The periodic pass looks for offers that have ended.
CREATE INDEX "workshop_bookings_status_offer_expires_at_idx" ON "workshop_bookings"("status", "offer_expires_at");

-- How long a person has to accept an offered place; two days unless the study says otherwise.
ALTER TABLE "studies" ADD COLUMN "workshop_offer_hours" INTEGER NOT NULL DEFAULT 48;
ALTER TABLE "studies" ADD CONSTRAINT "studies_workshop_offer_hours_range"
    CHECK ("workshop_offer_hours" BETWEEN 1 AND 336);
