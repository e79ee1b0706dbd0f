import { beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/prisma";
import { seedDatabase } from "@/lib/db/seed";
import { findManageAccess } from "@/lib/participation/manage-participation";
import { withdrawParticipation } from "@/lib/participation/withdraw";
import { NEEDS_CONSENT, SchedulingNotFoundError } from "@/lib/scheduling/errors";
import { assignWorkshopPlace } from "@/lib/workshops/assign-workshop-place";
import { cancelWorkshopPlace } from "@/lib/workshops/cancel-workshop-place";
import { answerWorkshopOffer } from "@/lib/workshops/answer-workshop-offer";
import { cancelWorkshopSession } from "@/lib/workshops/cancel-workshop-session";
import { endLapsedWorkshopOffers } from "@/lib/workshops/end-lapsed-offers";
import { createWorkshopSession } from "@/lib/workshops/create-workshop-session";
import { loadOwnWorkshopPage } from "@/lib/workshops/load-own-workshop-page";
import type { PlaceActor } from "@/lib/workshops/place-actor";
import { sessionFormSchema } from "@/lib/workshops/session-form";
import { tokenFromLatestEmail } from "./support/participants";
import { testDatabaseUrl } from "./support/per-file-database";
import { SUMMER, aResearcher, calendarOf, consentedPerson, icsProperty, invitedOnly } from "./support/scheduling";
import { testDb } from "./support/test-db";

beforeEach(async () => {
  await seedDatabase(testDb(), { demoResearcher: false });
});

const HOUR = 3_600_000;

async function aSession(capacity: number, startTime = "10:00", endTime = "12:00") {
  const admin = await aResearcher("ADMIN");
  const { sessionId } = await createWorkshopSession(testDb(), admin, {
    studySlug: "workshops",
    ...sessionFormSchema.parse({
      title: "Learning from partnerships: online",
      ...SUMMER,
      startTime,
      endTime,
      mode: "ONLINE",
      location: "",
      onlineLink: "https://teams.microsoft.com/l/meetup-join/workshop",
      region: "",
      capacity: String(capacity),
    }),
  });
  return sessionId;
}

function himself(person: { volunteerId: string }): PlaceActor {
  return { type: "PARTICIPANT", volunteerId: person.volunteerId };
}

async function bookingOf(participationId: string, sessionId: string) {
  return testDb().workshopBooking.findUniqueOrThrow({
    where: { workshopSessionId_participationId: { workshopSessionId: sessionId, participationId } },
  });
}

async function statusOf(participationId: string) {
  return (await testDb().participation.findUniqueOrThrow({ where: { id: participationId } })).status;
}

/** What a refused request must leave as it was. */
async function snapshot() {
  const db = testDb();
  return {
    bookings: await db.workshopBooking.findMany({ orderBy: { id: "asc" } }),
    statuses: (await db.participation.findMany({ orderBy: { id: "asc" } })).map((p) => p.status),
    emails: await db.outgoingEmail.count(),
    audit: await db.auditEvent.count(),
  };
}

async function refusedWithoutChange(
  attempt: () => Promise<unknown>,
  error: RegExp | string | (new (...a: never[]) => Error),
) {
  const before = await snapshot();
  if (typeof error === "function") await expect(attempt()).rejects.toBeInstanceOf(error);
  else await expect(attempt()).rejects.toThrow(error);
  expect(await snapshot()).toEqual(before);
}

describe("choosing a workshop place from the personal link", () => {
  it("takes a place: booked, scheduled, emailed with the calendar invitation, audited as the participant", async () => {
    const sessionId = await aSession(2);
    const ada = await consentedPerson("workshops");

    const page = await loadOwnWorkshopPage(testDb(), ada);
    expect(page).toMatchObject({ mayChoose: true, current: null });
    expect(page?.sessions.map((s) => [s.id, s.left])).toEqual([[sessionId, 2]]);

    expect(await assignWorkshopPlace(testDb(), himself(ada), { ...ada, sessionId })).toMatchObject({
      status: "BOOKED",
      moved: false,
    });
    expect(await statusOf(ada.participationId)).toBe("SCHEDULED");
    const ics = await calendarOf(ada.volunteerId, "workshop-place-booked");
    expect(icsProperty(ics, "METHOD")).toBe("REQUEST");
    const event = await testDb().auditEvent.findFirstOrThrow({ where: { action: "workshop.booked" } });
    expect(event).toMatchObject({ actorType: "PARTICIPANT", actorId: ada.volunteerId, subjectId: ada.participationId });

    const after = await loadOwnWorkshopPage(testDb(), ada);
    expect(after?.current).toMatchObject({ status: "BOOKED", session: { id: sessionId, left: 1 } });
    expect(after?.sessions).toEqual([]);
  });

  it("joins a full session's waiting list, and can leave it", async () => {
    const sessionId = await aSession(1);
    const [first, second] = [await consentedPerson("workshops"), await consentedPerson("workshops")];
    await assignWorkshopPlace(testDb(), himself(first), { ...first, sessionId });
    expect(await assignWorkshopPlace(testDb(), himself(second), { ...second, sessionId })).toMatchObject({
      status: "WAITLISTED",
    });
    expect(await statusOf(second.participationId)).toBe("WAITLISTED");
    expect((await loadOwnWorkshopPage(testDb(), second))?.current).toMatchObject({
      status: "WAITLISTED",
      position: 1,
      session: { left: 0 },
    });
    const waiting = await bookingOf(second.participationId, sessionId);
    await cancelWorkshopPlace(testDb(), himself(second), { ...second, bookingId: waiting.id });
    expect((await bookingOf(second.participationId, sessionId)).status).toBe("CANCELLED");
    expect(await statusOf(second.participationId)).toBe("CONSENTED");
    const event = await testDb().auditEvent.findFirstOrThrow({ where: { action: "workshop.cancelled" } });
    expect(event).toMatchObject({ actorType: "PARTICIPANT", actorId: second.volunteerId });
  });

  it("30 people asking for a 10-place session at once: 10 booked, 20 waiting, in the order they committed", async () => {
    const sessionId = await aSession(10);
    const people = [];
    for (let i = 0; i < 30; i++) people.push(await consentedPerson("workshops"));
    const db = createPrismaClient(testDatabaseUrl(), { maxConnections: 30 });
    try {
      const results = await Promise.all(people.map((p) => assignWorkshopPlace(db, himself(p), { ...p, sessionId })));
      expect(results.filter((r) => r.status === "BOOKED")).toHaveLength(10);
      expect(results.filter((r) => r.status === "WAITLISTED")).toHaveLength(20);
    } finally {
      await db.$disconnect();
    }
    const bookings = await testDb().workshopBooking.findMany({ where: { workshopSessionId: sessionId } });
    expect(bookings.filter((b) => b.status === "BOOKED")).toHaveLength(10);
    // The audit event is written last, under the session lock, so the audit chain's order is the order the
    // transactions committed: the first ten booked, the next twenty waitlisted in waitlisted_at order.
    const events = await testDb().auditEvent.findMany({
      where: { action: { in: ["workshop.booked", "workshop.waitlisted"] } },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => e.action)).toEqual([
      ...Array<string>(10).fill("workshop.booked"),
      ...Array<string>(20).fill("workshop.waitlisted"),
    ]);
    const committed = events.slice(10).map((e) => (e.data as { bookingId: string }).bookingId);
    const byWaitlistedAt = bookings
      .filter((b) => b.status === "WAITLISTED")
      .sort((a, b) => a.waitlistedAt!.getTime() - b.waitlistedAt!.getTime())
      .map((b) => b.id);
    expect(byWaitlistedAt).toEqual(committed);
    expect(new Set(bookings.filter((b) => b.waitlistedAt).map((b) => b.waitlistedAt!.getTime())).size).toBe(20);
  }, 120_000);
});

/** A full one-place session: `holder` has the place, `waiting` people queue behind them in order. */
async function fullSessionWithQueue(waiting: number) {
  const sessionId = await aSession(1);
  const holder = await consentedPerson("workshops");
  await assignWorkshopPlace(testDb(), himself(holder), { ...holder, sessionId });
  const queue = [];
  for (let i = 0; i < waiting; i++) {
    const p = await consentedPerson("workshops");
    await assignWorkshopPlace(testDb(), himself(p), { ...p, sessionId });
    queue.push(p);
  }
  return { sessionId, holder, queue };
}

async function giveUp(person: { volunteerId: string; participationId: string }, sessionId: string) {
  const booking = await bookingOf(person.participationId, sessionId);
  await cancelWorkshopPlace(testDb(), himself(person), { ...person, bookingId: booking.id });
}

describe("a place freed at a full session is offered to the first person waiting, for a set time", () => {
  it("giving up a place offers it to the first waiting, by email; accepting in time books it", async () => {
    const { sessionId, holder, queue } = await fullSessionWithQueue(2);
    const [first, second] = queue as [(typeof queue)[0], (typeof queue)[0]];
    await giveUp(holder, sessionId);

    const offered = await bookingOf(first.participationId, sessionId);
    expect(offered.status).toBe("OFFERED");
    const hours = (offered.offerExpiresAt!.getTime() - Date.now()) / HOUR;
    expect(hours).toBeGreaterThan(47.9);
    expect(hours).toBeLessThanOrEqual(48);
    expect((await bookingOf(second.participationId, sessionId)).status).toBe("WAITLISTED");
    const email = await testDb().outgoingEmail.findFirstOrThrow({
      where: { volunteerId: first.volunteerId, template: "workshop-place-offer" },
    });
    expect(email.textBody).toMatch(new RegExp(`/manage/[A-Za-z0-9_-]{43}/workshop\\?p=${first.participationId}`));
    const event = await testDb().auditEvent.findFirstOrThrow({ where: { action: "workshop.place_offered" } });
    expect(event).toMatchObject({
      actorType: "PARTICIPANT",
      actorId: holder.volunteerId,
      subjectId: first.participationId,
    });
    // The offered place is taken: a newcomer joins the waiting list rather than taking it.
    const newcomer = await consentedPerson("workshops");
    expect((await loadOwnWorkshopPage(testDb(), newcomer))?.sessions[0]?.left).toBe(0);
    expect(await assignWorkshopPlace(testDb(), himself(newcomer), { ...newcomer, sessionId })).toMatchObject({
      status: "WAITLISTED",
    });
    expect((await loadOwnWorkshopPage(testDb(), first))?.current).toMatchObject({
      status: "OFFERED",
      offer: { open: true },
    });

    await answerWorkshopOffer(testDb(), himself(first), { ...first, bookingId: offered.id, answer: "ACCEPT" });
    expect(await bookingOf(first.participationId, sessionId)).toMatchObject({ status: "BOOKED", offerExpiresAt: null });
    expect(await statusOf(first.participationId)).toBe("SCHEDULED");
    const ics = await calendarOf(first.volunteerId, "workshop-place-accepted");
    expect([icsProperty(ics, "METHOD"), icsProperty(ics, "SEQUENCE")]).toEqual(["REQUEST", "1"]);
    expect(await testDb().auditEvent.findFirstOrThrow({ where: { action: "workshop.offer_accepted" } })).toMatchObject({
      actorType: "PARTICIPANT",
      actorId: first.volunteerId,
    });
    expect(
      await testDb().workshopBooking.count({
        where: { workshopSessionId: sessionId, status: { in: ["BOOKED", "OFFERED"] } },
      }),
    ).toBe(1);
  });

  it("an offer not accepted in time passes to the next person by the periodic pass; a late accept is refused", async () => {
    const { sessionId, holder, queue } = await fullSessionWithQueue(2);
    const [first, second] = queue as [(typeof queue)[0], (typeof queue)[0]];
    await giveUp(holder, sessionId);
    const offered = await bookingOf(first.participationId, sessionId);
    const late = new Date(offered.offerExpiresAt!.getTime() + 60_000);

    // Before the pass runs: the page shows the offer as ended, and accepting is refused, changing nothing.
    expect((await loadOwnWorkshopPage(testDb(), first, late))?.current?.offer).toMatchObject({ open: false });
    await refusedWithoutChange(
      () => answerWorkshopOffer(testDb(), himself(first), { ...first, bookingId: offered.id, answer: "ACCEPT" }, late),
      /the time to accept this place ended at .* offered to the next person/,
    );

    expect(await endLapsedWorkshopOffers(testDb(), late)).toEqual({ sessions: 1, offered: 1 });
    expect(await bookingOf(first.participationId, sessionId)).toMatchObject({
      status: "CANCELLED",
      offerExpiresAt: null,
    });
    expect(await statusOf(first.participationId)).toBe("CONSENTED");
    expect((await bookingOf(second.participationId, sessionId)).status).toBe("OFFERED");
    expect(
      await testDb().outgoingEmail.count({
        where: { volunteerId: first.volunteerId, template: "workshop-offer-expired" },
      }),
    ).toBe(1);
    expect(
      await testDb().outgoingEmail.count({
        where: { volunteerId: second.volunteerId, template: "workshop-place-offer" },
      }),
    ).toBe(1);
    expect(await testDb().auditEvent.findFirstOrThrow({ where: { action: "workshop.offer_expired" } })).toMatchObject({
      actorType: "SYSTEM",
      subjectId: first.participationId,
    });
    // A second pass (another worker) finds nothing to do.
    expect(await endLapsedWorkshopOffers(testDb(), late)).toEqual({ sessions: 0, offered: 0 });
    await refusedWithoutChange(
      () => answerWorkshopOffer(testDb(), himself(first), { ...first, bookingId: offered.id, answer: "ACCEPT" }, late),
      /no longer offered to you/,
    );
  });

  it("declining passes the place to the next person at once", async () => {
    const { sessionId, holder, queue } = await fullSessionWithQueue(2);
    const [first, second] = queue as [(typeof queue)[0], (typeof queue)[0]];
    await giveUp(holder, sessionId);
    const offered = await bookingOf(first.participationId, sessionId);
    await answerWorkshopOffer(testDb(), himself(first), { ...first, bookingId: offered.id, answer: "DECLINE" });
    expect((await bookingOf(first.participationId, sessionId)).status).toBe("CANCELLED");
    expect(await statusOf(first.participationId)).toBe("CONSENTED");
    expect((await bookingOf(second.participationId, sessionId)).status).toBe("OFFERED");
    expect(
      await testDb().outgoingEmail.count({
        where: { volunteerId: first.volunteerId, template: "workshop-offer-declined" },
      }),
    ).toBe(1);
    expect(await testDb().auditEvent.findFirstOrThrow({ where: { action: "workshop.offer_declined" } })).toMatchObject({
      actorType: "PARTICIPANT",
      actorId: first.volunteerId,
    });
    // Someone else's link cannot answer the next offer.
    const next = await bookingOf(second.participationId, sessionId);
    await refusedWithoutChange(
      () => answerWorkshopOffer(testDb(), himself(first), { ...second, bookingId: next.id, answer: "ACCEPT" }),
      SchedulingNotFoundError,
    );
  });

  it("withdrawing while offered a place passes it on", async () => {
    const { sessionId, holder, queue } = await fullSessionWithQueue(2);
    const [first, second] = queue as [(typeof queue)[0], (typeof queue)[0]];
    await giveUp(holder, sessionId);
    await withdrawParticipation(testDb(), {
      volunteerId: first.volunteerId,
      participationIds: [first.participationId],
      method: "SELF_SERVICE",
      dataChoice: "KEEP",
      reason: null,
    });
    expect(await bookingOf(first.participationId, sessionId)).toMatchObject({
      status: "CANCELLED",
      offerExpiresAt: null,
    });
    expect((await bookingOf(second.participationId, sessionId)).status).toBe("OFFERED");
  });
});

describe("refusals from the personal link, each changing nothing", () => {
  it("an unknown, started, cancelled or other study's session", async () => {
    const ada = await consentedPerson("workshops");
    await refusedWithoutChange(
      () => assignWorkshopPlace(testDb(), himself(ada), { ...ada, sessionId: crypto.randomUUID() }),
      SchedulingNotFoundError,
    );
    const study = await testDb().study.findUniqueOrThrow({ where: { slug: "workshops" } });
    const started = await testDb().workshopSession.create({
      data: {
        studyId: study.id,
        title: "Started",
        startsAt: new Date(Date.now() - HOUR),
        endsAt: new Date(Date.now() + HOUR),
        mode: "ONLINE",
        onlineLink: "https://teams.microsoft.com/l/x",
        capacity: 5,
      },
    });
    await refusedWithoutChange(
      () => assignWorkshopPlace(testDb(), himself(ada), { ...ada, sessionId: started.id }),
      /already started/,
    );
    const cancelled = await aSession(5, "14:00", "16:00");
    await cancelWorkshopSession(testDb(), await aResearcher("ADMIN"), { studySlug: "workshops", sessionId: cancelled });
    await refusedWithoutChange(
      () => assignWorkshopPlace(testDb(), himself(ada), { ...ada, sessionId: cancelled }),
      /has been cancelled/,
    );
    const other = await testDb().study.findUniqueOrThrow({ where: { slug: "interview-study" } });
    const elsewhere = await testDb().workshopSession.create({
      data: {
        studyId: other.id,
        title: "Another study's session",
        startsAt: new Date(Date.now() + 48 * HOUR),
        endsAt: new Date(Date.now() + 50 * HOUR),
        mode: "ONLINE",
        onlineLink: "https://teams.microsoft.com/l/x",
        capacity: 5,
      },
    });
    await refusedWithoutChange(
      () => assignWorkshopPlace(testDb(), himself(ada), { ...ada, sessionId: elsewhere.id }),
      SchedulingNotFoundError,
    );
    // None of them is offered to choose: started, cancelled and another study's sessions are not listed.
    expect((await loadOwnWorkshopPage(testDb(), ada))?.sessions).toEqual([]);
  });

  it("someone who has not consented, who has withdrawn, or acting for another person", async () => {
    const sessionId = await aSession(5);
    const invited = await invitedOnly("workshops");
    expect(await loadOwnWorkshopPage(testDb(), invited)).toMatchObject({ mayChoose: false });
    await refusedWithoutChange(
      () => assignWorkshopPlace(testDb(), himself(invited), { ...invited, sessionId }),
      NEEDS_CONSENT,
    );

    const leaver = await consentedPerson("workshops");
    await withdrawParticipation(testDb(), {
      volunteerId: leaver.volunteerId,
      participationIds: [leaver.participationId],
      method: "SELF_SERVICE",
      dataChoice: "KEEP",
      reason: null,
    });
    expect(await loadOwnWorkshopPage(testDb(), leaver)).toMatchObject({ mayChoose: false });
    await refusedWithoutChange(
      () => assignWorkshopPlace(testDb(), himself(leaver), { ...leaver, sessionId }),
      /withdrawn/,
    );

    const ada = await consentedPerson("workshops");
    const bob = await consentedPerson("workshops");
    await assignWorkshopPlace(testDb(), himself(bob), { ...bob, sessionId });
    const bobs = await bookingOf(bob.participationId, sessionId);
    // Ada's link naming Bob's participation or booking reaches nothing.
    await refusedWithoutChange(
      () => assignWorkshopPlace(testDb(), himself(ada), { ...bob, sessionId }),
      SchedulingNotFoundError,
    );
    await refusedWithoutChange(
      () => cancelWorkshopPlace(testDb(), himself(ada), { ...bob, bookingId: bobs.id }),
      SchedulingNotFoundError,
    );
    await refusedWithoutChange(
      () => cancelWorkshopPlace(testDb(), himself(ada), { ...ada, bookingId: bobs.id }),
      SchedulingNotFoundError,
    );
    expect(
      await loadOwnWorkshopPage(testDb(), { volunteerId: ada.volunteerId, participationId: bob.participationId }),
    ).toBeNull();
  });

  it("a link for another purpose does not open the personal pages", async () => {
    const ada = await invitedOnly("workshops");
    const consentToken = await tokenFromLatestEmail(ada.volunteerId, "consent", "invitation");
    expect(await findManageAccess(testDb(), consentToken)).toBeNull();
    expect(await findManageAccess(testDb(), "B".repeat(43))).toBeNull();
  });
});
