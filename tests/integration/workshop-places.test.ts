import { beforeEach, describe, expect, it } from "vitest";
import { SchedulingError, SchedulingNotFoundError } from "@/lib/scheduling/errors";
import { assignWorkshopPlace } from "@/lib/workshops/assign-workshop-place";
import { cancelWorkshopPlace } from "@/lib/workshops/cancel-workshop-place";
import { byResearcher } from "@/lib/workshops/place-actor";
import { cancelWorkshopSession } from "@/lib/workshops/cancel-workshop-session";
import { createWorkshopSession } from "@/lib/workshops/create-workshop-session";
import { listWorkshopSessions } from "@/lib/workshops/list-workshop-sessions";
import { loadWorkshopPage } from "@/lib/workshops/load-workshop-page";
import { loadWorkshopSession } from "@/lib/workshops/load-workshop-session";
import { recordWorkshopAttendance } from "@/lib/workshops/record-workshop-attendance";
import { sessionFormSchema, type SessionForm } from "@/lib/workshops/session-form";
import { updateWorkshopSession } from "@/lib/workshops/update-workshop-session";
import { firstErrorPerField } from "@/lib/forms/form-state";
import { NotAllowedError } from "@/lib/auth/permissions";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { createPrismaClient } from "@/lib/db/prisma";
import { seedDatabase } from "@/lib/db/seed";
import { withdrawParticipation } from "@/lib/participation/withdraw";
import { participationOf } from "./support/participants";
import { testDatabaseUrl } from "./support/per-file-database";
import {
  SUMMER,
  WINTER,
  aResearcher,
  calendarOf,
  consentedPerson,
  icsProperty,
  invitedOnly,
} from "./support/scheduling";
import { testDb } from "./support/test-db";

beforeEach(async () => {
  await seedDatabase(testDb(), { demoResearcher: false });
});

const ONLINE = "https://teams.microsoft.com/l/meetup-join/workshop";

function sessionForm(overrides: Record<string, string> = {}): SessionForm {
  return sessionFormSchema.parse({
    title: "Learning from partnerships: London",
    ...SUMMER,
    startTime: "10:00",
    endTime: "12:30",
    mode: "IN_PERSON",
    location: "Imperial College, South Kensington",
    onlineLink: "",
    region: "london",
    capacity: "2",
    ...overrides,
  });
}

async function aSession(capacity = 2, overrides: Record<string, string> = {}) {
  const admin = await aResearcher("ADMIN");
  const { sessionId } = await createWorkshopSession(testDb(), admin, {
    studySlug: "workshops",
    ...sessionForm({ capacity: String(capacity), ...overrides }),
  });
  return sessionId;
}

async function consentedWorkshopPeople(count: number) {
  const people = [];
  for (let i = 0; i < count; i++) people.push(await consentedPerson("workshops"));
  return people;
}

async function bookingOf(participationId: string, sessionId: string) {
  return testDb().workshopBooking.findUniqueOrThrow({
    where: { workshopSessionId_participationId: { workshopSessionId: sessionId, participationId } },
  });
}

async function statusOf(participationId: string) {
  return (await testDb().participation.findUniqueOrThrow({ where: { id: participationId } })).status;
}

describe("the session form", () => {
  it("reads start and end times in UK time: BST in summer, GMT in winter", () => {
    const summer = sessionForm();
    expect([summer.startsAt.toISOString(), summer.endsAt.toISOString()]).toEqual([
      `${SUMMER.year}-07-01T09:00:00.000Z`,
      `${SUMMER.year}-07-01T11:30:00.000Z`,
    ]);
    const winter = sessionForm({ ...WINTER });
    expect([winter.startsAt.toISOString(), winter.endsAt.toISOString()]).toEqual([
      `${WINTER.year}-01-14T10:00:00.000Z`,
      `${WINTER.year}-01-14T12:30:00.000Z`,
    ]);
    // The night the clocks go forward: 12:30am GMT to 3am BST is an hour and a half.
    const changeover = sessionForm({ day: "28", month: "3", year: "2027", startTime: "00:30", endTime: "03:00" });
    expect([changeover.startsAt.toISOString(), changeover.endsAt.toISOString()]).toEqual([
      "2027-03-28T00:30:00.000Z",
      "2027-03-28T02:00:00.000Z",
    ]);
  });

  it("points out every problem at once", () => {
    const result = sessionFormSchema.safeParse({
      title: "",
      day: "",
      month: "",
      year: "",
      startTime: "",
      endTime: "",
      mode: "",
      location: "",
      onlineLink: "",
      region: "atlantis",
      capacity: "0",
    });
    expect(Object.keys(firstErrorPerField(result.error!)).sort()).toEqual([
      "capacity",
      "date",
      "endTime",
      "mode",
      "region",
      "startTime",
      "title",
    ]);
    const online = sessionFormSchema.safeParse({
      ...SUMMER,
      title: "Online",
      startTime: "14:00",
      endTime: "13:00",
      mode: "ONLINE",
      location: "",
      onlineLink: "http://example.org",
      region: "",
      capacity: "ten",
    });
    expect(firstErrorPerField(online.error!)).toEqual({
      endTime: "The end time must be after the start time",
      onlineLink: "Enter the online link as a full address starting with https://",
      capacity: "Enter how many people can come as a whole number, for example 12",
    });
  });

  it("keeps only the place for a session in person and only the link for one online", () => {
    expect(sessionForm({ onlineLink: ONLINE })).toMatchObject({
      mode: "IN_PERSON",
      onlineLink: null,
      location: "Imperial College, South Kensington",
    });
    expect(sessionForm({ mode: "ONLINE", onlineLink: ONLINE, region: "" })).toMatchObject({
      mode: "ONLINE",
      onlineLink: ONLINE,
      location: null,
      region: null,
    });
  });
});

describe("managing sessions", () => {
  it("is for admins only: a researcher can see the sessions but not create, change or cancel them", async () => {
    const researcher = await aResearcher("RESEARCHER");
    const sessionId = await aSession();
    const db = testDb();
    await expect(
      createWorkshopSession(db, researcher, { studySlug: "workshops", ...sessionForm() }),
    ).rejects.toBeInstanceOf(NotAllowedError);
    await expect(
      updateWorkshopSession(db, researcher, { studySlug: "workshops", sessionId, ...sessionForm({ capacity: "9" }) }),
    ).rejects.toBeInstanceOf(NotAllowedError);
    await expect(cancelWorkshopSession(db, researcher, { studySlug: "workshops", sessionId })).rejects.toBeInstanceOf(
      NotAllowedError,
    );
    expect(await db.workshopSession.count()).toBe(1);
    expect((await db.workshopSession.findUniqueOrThrow({ where: { id: sessionId } })).capacity).toBe(2);
    const view = await listWorkshopSessions(db, researcher, { studySlug: "workshops" });
    expect(view?.sessions.map((s) => s.id)).toEqual([sessionId]);
  });

  it("creates a session, audited, and refuses one in the past or in a study of interviews", async () => {
    const admin = await aResearcher("ADMIN");
    const db = testDb();
    const { sessionId } = await createWorkshopSession(db, admin, { studySlug: "workshops", ...sessionForm() });
    expect(await db.workshopSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({
      mode: "IN_PERSON",
      region: "london",
      capacity: 2,
      cancelledAt: null,
    });
    expect((await db.auditEvent.findFirstOrThrow({ where: { action: "workshop_session.created" } })).subjectId).toBe(
      sessionId,
    );
    const past = {
      ...sessionForm(),
      startsAt: new Date(Date.now() - 3_600_000),
      endsAt: new Date(Date.now() - 60_000),
    };
    await expect(createWorkshopSession(db, admin, { studySlug: "workshops", ...past })).rejects.toThrow(
      "The session must be in the future",
    );
    await expect(
      createWorkshopSession(db, admin, { studySlug: "interview-study", ...sessionForm() }),
    ).rejects.toBeInstanceOf(SchedulingNotFoundError);
  });

  it("will not lower the capacity below the places booked, and a session belongs to its study", async () => {
    const admin = await aResearcher("ADMIN");
    const sessionId = await aSession(3);
    const people = await consentedWorkshopPeople(2);
    for (const p of people) await assignWorkshopPlace(testDb(), byResearcher(admin), { ...p, sessionId });
    const update = (capacity: string) =>
      updateWorkshopSession(testDb(), admin, { studySlug: "workshops", sessionId, ...sessionForm({ capacity }) });
    const refusal = await update("1").catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(SchedulingError);
    expect(refusal).toMatchObject({
      field: "capacity",
      message: "The capacity cannot be less than the 2 places already booked or offered",
    });
    await update("2");
    expect((await testDb().workshopSession.findUniqueOrThrow({ where: { id: sessionId } })).capacity).toBe(2);
    await expect(
      updateWorkshopSession(testDb(), admin, { studySlug: "interview-study", sessionId, ...sessionForm() }),
    ).rejects.toBeInstanceOf(SchedulingNotFoundError);
  });

  it("sends everyone with a place the updated invitation when the time changes, and tells those waiting", async () => {
    const admin = await aResearcher("ADMIN");
    const sessionId = await aSession(1);
    const [booked, waiting] = await consentedWorkshopPeople(2);
    await assignWorkshopPlace(testDb(), byResearcher(admin), { ...booked!, sessionId });
    await assignWorkshopPlace(testDb(), byResearcher(admin), { ...waiting!, sessionId });
    const bookingId = (await bookingOf(booked!.participationId, sessionId)).id;

    await updateWorkshopSession(testDb(), admin, {
      studySlug: "workshops",
      sessionId,
      ...sessionForm({ capacity: "1", startTime: "13:00", endTime: "15:00" }),
    });
    const ics = await calendarOf(booked!.volunteerId, "workshop-place-changed");
    expect(icsProperty(ics, "UID")).toMatch(new RegExp(`^workshop-place-${bookingId}@`));
    expect([icsProperty(ics, "METHOD"), icsProperty(ics, "SEQUENCE"), icsProperty(ics, "DTSTART")]).toEqual([
      "REQUEST",
      "1",
      `${SUMMER.year}0701T120000Z`,
    ]);
    expect(
      await testDb().outgoingEmail.count({
        where: { volunteerId: waiting!.volunteerId, template: "workshop-waitlist-changed" },
      }),
    ).toBe(1);

    // A new title or capacity alone changes nobody's calendar.
    await updateWorkshopSession(testDb(), admin, {
      studySlug: "workshops",
      sessionId,
      ...sessionForm({ capacity: "1", startTime: "13:00", endTime: "15:00", title: "Renamed" }),
    });
    expect(await testDb().outgoingEmail.count({ where: { template: "workshop-place-changed" } })).toBe(1);
  });

  it("cancels a session: every place and waiting-list place, with the calendar cancellation for places", async () => {
    const admin = await aResearcher("ADMIN");
    const sessionId = await aSession(1);
    const [booked, waiting] = await consentedWorkshopPeople(2);
    await assignWorkshopPlace(testDb(), byResearcher(admin), { ...booked!, sessionId });
    await assignWorkshopPlace(testDb(), byResearcher(admin), { ...waiting!, sessionId });
    const bookingId = (await bookingOf(booked!.participationId, sessionId)).id;

    expect(await cancelWorkshopSession(testDb(), admin, { studySlug: "workshops", sessionId })).toEqual({
      cancelledPlaces: 2,
    });
    expect((await testDb().workshopSession.findUniqueOrThrow({ where: { id: sessionId } })).cancelledAt).not.toBeNull();
    expect(await testDb().workshopBooking.count({ where: { status: { not: "CANCELLED" } } })).toBe(0);
    expect([await statusOf(booked!.participationId), await statusOf(waiting!.participationId)]).toEqual([
      "CONSENTED",
      "CONSENTED",
    ]);
    const ics = await calendarOf(booked!.volunteerId, "workshop-session-cancelled");
    expect([
      icsProperty(ics, "METHOD"),
      icsProperty(ics, "UID")?.startsWith(`workshop-place-${bookingId}@`),
      icsProperty(ics, "SEQUENCE"),
    ]).toEqual(["CANCEL", true, "1"]);
    const toWaiting = await testDb().outgoingEmail.findFirstOrThrow({
      where: { volunteerId: waiting!.volunteerId, template: "workshop-session-cancelled" },
      include: { attachments: true },
    });
    expect(toWaiting.attachments).toHaveLength(0);
    expect(toWaiting.textBody).toContain("your place on the waiting list");
    await expect(cancelWorkshopSession(testDb(), admin, { studySlug: "workshops", sessionId })).rejects.toThrow(
      /already been cancelled/,
    );
    await expect(assignWorkshopPlace(testDb(), byResearcher(admin), { ...booked!, sessionId })).rejects.toThrow(
      /has been cancelled/,
    );
    expect((await verifyAuditChain(testDb())).intact).toBe(true);
  });
});

describe("giving someone a place", () => {
  it("needs a signed consent first", async () => {
    const researcher = await aResearcher();
    const sessionId = await aSession();
    const person = await invitedOnly("workshops");
    await expect(assignWorkshopPlace(testDb(), byResearcher(researcher), { ...person, sessionId })).rejects.toThrow(
      "Scheduling needs a signed consent first",
    );
    expect(await testDb().workshopBooking.count()).toBe(0);
  });

  it("books while there is room, then puts people on the waiting list in order, and a cancellation offers the place to the first", async () => {
    const researcher = await aResearcher();
    const sessionId = await aSession(2);
    const [a, b, c, d] = await consentedWorkshopPeople(4);
    const db = testDb();
    expect((await assignWorkshopPlace(db, byResearcher(researcher), { ...a!, sessionId })).status).toBe("BOOKED");
    expect((await assignWorkshopPlace(db, byResearcher(researcher), { ...b!, sessionId })).status).toBe("BOOKED");
    expect((await assignWorkshopPlace(db, byResearcher(researcher), { ...c!, sessionId })).status).toBe("WAITLISTED");
    expect((await assignWorkshopPlace(db, byResearcher(researcher), { ...d!, sessionId })).status).toBe("WAITLISTED");
    expect(await Promise.all([a, b, c, d].map((p) => statusOf(p!.participationId)))).toEqual([
      "SCHEDULED",
      "SCHEDULED",
      "WAITLISTED",
      "WAITLISTED",
    ]);

    const booked = await db.outgoingEmail.findFirstOrThrow({
      where: { volunteerId: a!.volunteerId, template: "workshop-place-booked" },
      include: { attachments: true },
    });
    expect(booked.textBody).toContain(`When: 10am to 12:30pm on 1 July ${SUMMER.year} (UK time)`);
    expect(booked.textBody).toContain("Where: Imperial College, South Kensington");
    expect(booked.textBody).toMatch(/\/manage\/[A-Za-z0-9_-]{43}/);
    const ics = await calendarOf(a!.volunteerId, "workshop-place-booked");
    expect([
      icsProperty(ics, "METHOD"),
      icsProperty(ics, "SEQUENCE"),
      icsProperty(ics, "DTSTART"),
      icsProperty(ics, "DTEND"),
    ]).toEqual(["REQUEST", "0", `${SUMMER.year}0701T090000Z`, `${SUMMER.year}0701T113000Z`]);
    const waitlisted = await db.outgoingEmail.findFirstOrThrow({
      where: { volunteerId: d!.volunteerId, template: "workshop-waitlisted" },
      include: { attachments: true },
    });
    expect(waitlisted.textBody).toContain("You are on its waiting list (number 2)");
    expect(waitlisted.attachments).toHaveLength(0);
    const session = await loadWorkshopSession(db, researcher, { studySlug: "workshops", sessionId });
    expect(session?.waitlist.map((w) => w.volunteerId)).toEqual([c!.volunteerId, d!.volunteerId]);
    expect(session?.session).toMatchObject({ booked: 2, waitlisted: 2 });

    const bookingA = await bookingOf(a!.participationId, sessionId);
    await cancelWorkshopPlace(db, byResearcher(researcher), { ...a!, bookingId: bookingA.id });
    expect(await statusOf(a!.participationId)).toBe("CONSENTED");
    const cancelIcs = await calendarOf(a!.volunteerId, "workshop-place-cancelled");
    expect([icsProperty(cancelIcs, "METHOD"), icsProperty(cancelIcs, "SEQUENCE")]).toEqual(["CANCEL", "1"]);

    // The first in the queue is offered the place, held for them for the study's 48 hours (it counts
    // against capacity meanwhile); the second still waits. The calendar invitation comes on accepting.
    const offered = await bookingOf(c!.participationId, sessionId);
    expect(offered.status).toBe("OFFERED");
    expect(offered.offerExpiresAt!.getTime() - Date.now()).toBeGreaterThan(47 * 3_600_000);
    expect(await statusOf(c!.participationId)).toBe("WAITLISTED");
    expect((await bookingOf(d!.participationId, sessionId)).status).toBe("WAITLISTED");
    const offer = await db.outgoingEmail.findFirstOrThrow({
      where: { volunteerId: c!.volunteerId, template: "workshop-place-offer" },
      include: { attachments: true },
    });
    expect(offer.subject).toMatch(/^A workshop place is free for you/);
    expect(offer.textBody).toMatch(/\/manage\/[A-Za-z0-9_-]{43}\/workshop\?p=/);
    expect(offer.attachments).toHaveLength(0);
    expect((await loadWorkshopSession(db, researcher, { studySlug: "workshops", sessionId }))?.session).toMatchObject({
      booked: 1,
      offered: 1,
      waitlisted: 1,
    });
    const promoted = await db.auditEvent.findFirstOrThrow({ where: { action: "workshop.place_offered" } });
    expect(promoted).toMatchObject({ subjectId: c!.participationId, actorId: researcher.id });
  });

  it("offers the place of someone who withdraws to the first on the waiting list, in the withdrawal's transaction", async () => {
    const researcher = await aResearcher();
    const sessionId = await aSession(1);
    const [leaver, waiting] = await consentedWorkshopPeople(2);
    await assignWorkshopPlace(testDb(), byResearcher(researcher), { ...leaver!, sessionId });
    await assignWorkshopPlace(testDb(), byResearcher(researcher), { ...waiting!, sessionId });
    await withdrawParticipation(testDb(), {
      volunteerId: leaver!.volunteerId,
      participationIds: "all",
      method: "SELF_SERVICE",
      dataChoice: "KEEP",
      reason: null,
    });
    expect((await bookingOf(leaver!.participationId, sessionId)).status).toBe("CANCELLED");
    expect((await bookingOf(waiting!.participationId, sessionId)).status).toBe("OFFERED");
    expect(await statusOf(waiting!.participationId)).toBe("WAITLISTED");
    expect(
      await testDb().outgoingEmail.count({
        where: { volunteerId: waiting!.volunteerId, template: "workshop-place-offer", status: "PENDING" },
      }),
    ).toBe(1);
    expect(
      (await testDb().auditEvent.findFirstOrThrow({ where: { action: "workshop.place_offered" } })).actorType,
    ).toBe("PARTICIPANT");
  });

  it("offers new places to the waiting list, in order, when an admin raises the capacity", async () => {
    const admin = await aResearcher("ADMIN");
    const sessionId = await aSession(1);
    const people = await consentedWorkshopPeople(4);
    for (const p of people) await assignWorkshopPlace(testDb(), byResearcher(admin), { ...p, sessionId });
    const result = await updateWorkshopSession(testDb(), admin, {
      studySlug: "workshops",
      sessionId,
      ...sessionForm({ capacity: "3" }),
    });
    expect(result.offered).toBe(2);
    expect(await Promise.all(people.map(async (p) => (await bookingOf(p.participationId, sessionId)).status))).toEqual([
      "BOOKED",
      "OFFERED",
      "OFFERED",
      "WAITLISTED",
    ]);
  });

  it("moves someone to another session, freeing their place for that session's waiting list", async () => {
    const researcher = await aResearcher();
    const first = await aSession(1);
    const second = await aSession(5, { ...WINTER, mode: "ONLINE", onlineLink: ONLINE, region: "" });
    const [mover, waiting] = await consentedWorkshopPeople(2);
    await assignWorkshopPlace(testDb(), byResearcher(researcher), { ...mover!, sessionId: first });
    await assignWorkshopPlace(testDb(), byResearcher(researcher), { ...waiting!, sessionId: first });
    const oldBooking = await bookingOf(mover!.participationId, first);

    expect(
      await assignWorkshopPlace(testDb(), byResearcher(researcher), { ...mover!, sessionId: second }),
    ).toMatchObject({
      status: "BOOKED",
      moved: true,
    });
    expect((await bookingOf(mover!.participationId, first)).status).toBe("CANCELLED");
    expect((await bookingOf(waiting!.participationId, first)).status).toBe("OFFERED");
    const email = await testDb().outgoingEmail.findFirstOrThrow({
      where: { volunteerId: mover!.volunteerId, template: "workshop-place-moved" },
      include: { attachments: true },
    });
    expect(email.attachments.map((a) => a.filename).sort()).toEqual(["cancellation.ics", "invitation.ics"]);
    expect(email.textBody).toContain("Join the workshop online: https://teams.microsoft.com/l/meetup-join/workshop");
    const cancel = await calendarOf(mover!.volunteerId, "workshop-place-moved", "cancellation.ics");
    expect([
      icsProperty(cancel, "METHOD"),
      icsProperty(cancel, "UID")?.startsWith(`workshop-place-${oldBooking.id}@`),
      icsProperty(cancel, "SEQUENCE"),
    ]).toEqual(["CANCEL", true, "1"]);
    const invite = await calendarOf(mover!.volunteerId, "workshop-place-moved", "invitation.ics");
    expect([icsProperty(invite, "METHOD"), icsProperty(invite, "DTSTART"), icsProperty(invite, "URL")]).toEqual([
      "REQUEST",
      `${WINTER.year}0114T100000Z`,
      ONLINE,
    ]);
    expect((await testDb().auditEvent.findFirstOrThrow({ where: { action: "workshop.moved" } })).data).toMatchObject({
      workshopSessionId: second,
      fromWorkshopSessionId: first,
    });

    await expect(
      assignWorkshopPlace(testDb(), byResearcher(researcher), { ...mover!, sessionId: second }),
    ).rejects.toThrow("This person already has a place at that session.");
    const page = await loadWorkshopPage(testDb(), researcher, { volunteerId: mover!.volunteerId });
    expect(page?.current?.session.id).toBe(second);
    expect(page?.open.map((s) => s.id)).toEqual([first, second]);
    expect(page?.preference).toEqual({ format: "in-person", region: "london" });
  });

  it("never overbooks: ten researchers booking the last places of a session at the same moment", async () => {
    const sessionId = await aSession(3);
    const people = await consentedWorkshopPeople(10);
    const researchers = await Promise.all(people.map(() => aResearcher()));
    const db = createPrismaClient(testDatabaseUrl(), { maxConnections: 10 });
    try {
      const results = await Promise.all(
        people.map((p, i) => assignWorkshopPlace(db, byResearcher(researchers[i]!), { ...p, sessionId })),
      );
      expect(results.filter((r) => r.status === "BOOKED")).toHaveLength(3);
      expect(results.filter((r) => r.status === "WAITLISTED")).toHaveLength(7);
    } finally {
      await db.$disconnect();
    }
    expect(await testDb().workshopBooking.count({ where: { workshopSessionId: sessionId, status: "BOOKED" } })).toBe(3);
    // The waiting list is in the order the lock was granted: no two people share a place in it.
    const waitlist = await testDb().workshopBooking.findMany({
      where: { status: "WAITLISTED" },
      orderBy: { waitlistedAt: "asc" },
    });
    expect(new Set(waitlist.map((w) => w.waitlistedAt!.getTime())).size).toBe(7);
  });

  it("reaches only the person in the address: another person's participation or booking is not found", async () => {
    const researcher = await aResearcher();
    const sessionId = await aSession(2);
    const [alice, bob] = await consentedWorkshopPeople(2);
    await expect(
      assignWorkshopPlace(testDb(), byResearcher(researcher), {
        volunteerId: alice!.volunteerId,
        participationId: bob!.participationId,
        sessionId,
      }),
    ).rejects.toBeInstanceOf(SchedulingNotFoundError);
    const interview = await participationOf(alice!.volunteerId, "interview-study");
    await expect(
      assignWorkshopPlace(testDb(), byResearcher(researcher), {
        volunteerId: alice!.volunteerId,
        participationId: interview.id,
        sessionId,
      }),
    ).rejects.toBeInstanceOf(SchedulingNotFoundError);
    await assignWorkshopPlace(testDb(), byResearcher(researcher), { ...bob!, sessionId });
    const bobs = await bookingOf(bob!.participationId, sessionId);
    await expect(
      cancelWorkshopPlace(testDb(), byResearcher(researcher), { ...alice!, bookingId: bobs.id }),
    ).rejects.toBeInstanceOf(SchedulingNotFoundError);
    await expect(
      assignWorkshopPlace(testDb(), byResearcher(researcher), { ...alice!, sessionId: crypto.randomUUID() }),
    ).rejects.toBeInstanceOf(SchedulingNotFoundError);
    expect((await bookingOf(bob!.participationId, sessionId)).status).toBe("BOOKED");
  });
});

describe("recording attendance", () => {
  it("waits for the session to start; attended completes the participation, did not attend puts it back to CONSENTED", async () => {
    const researcher = await aResearcher();
    const sessionId = await aSession(2);
    const [came, missed] = await consentedWorkshopPeople(2);
    for (const p of [came!, missed!])
      await assignWorkshopPlace(testDb(), byResearcher(researcher), { ...p, sessionId });
    const session = await testDb().workshopSession.findUniqueOrThrow({ where: { id: sessionId } });
    const cameBooking = await bookingOf(came!.participationId, sessionId);
    const missedBooking = await bookingOf(missed!.participationId, sessionId);

    await expect(
      recordWorkshopAttendance(testDb(), researcher, { ...came!, bookingId: cameBooking.id, attended: true }),
    ).rejects.toThrow(/once the session has started/);
    const later = new Date(session.endsAt.getTime() + 60_000);
    await recordWorkshopAttendance(
      testDb(),
      researcher,
      { ...came!, bookingId: cameBooking.id, attended: true },
      later,
    );
    await recordWorkshopAttendance(
      testDb(),
      researcher,
      { ...missed!, bookingId: missedBooking.id, attended: false },
      later,
    );
    expect([
      (await bookingOf(came!.participationId, sessionId)).status,
      (await bookingOf(missed!.participationId, sessionId)).status,
    ]).toEqual(["ATTENDED", "DID_NOT_ATTEND"]);
    expect([await statusOf(came!.participationId), await statusOf(missed!.participationId)]).toEqual([
      "COMPLETED",
      "CONSENTED",
    ]);
    expect(
      await testDb().outgoingEmail.count({
        where: { template: { in: ["workshop-attended", "workshop-did-not-attend"] } },
      }),
    ).toBe(2);
    const actions = (await testDb().auditEvent.findMany()).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["workshop.attended", "workshop.did_not_attend"]));
    await expect(
      recordWorkshopAttendance(testDb(), researcher, { ...came!, bookingId: cameBooking.id, attended: false }, later),
    ).rejects.toBeInstanceOf(SchedulingError);
    // A place at a session that has started cannot be cancelled or moved away from.
    await expect(
      cancelWorkshopPlace(testDb(), byResearcher(researcher), { ...came!, bookingId: cameBooking.id }, later),
    ).rejects.toBeInstanceOf(SchedulingError);
  });
});
