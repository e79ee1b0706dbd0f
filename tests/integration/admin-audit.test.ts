import { beforeEach, describe, expect, it } from "vitest";
import { auditFilterChoices, auditFiltersSchema, listAuditEvents } from "@/lib/audit/list-audit-events";
import { verifyAuditLog } from "@/lib/audit/verify-audit-log";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Researcher } from "@/lib/auth/researcher-session";
import { seedDatabase } from "@/lib/db/seed";
import { consentedPerson } from "./support/consented";
import { registerPerson } from "./support/participants";
import { aResearcher } from "./support/researchers";
import { testDb } from "./support/test-db";

let researcher: Researcher;

beforeEach(async () => {
  await seedDatabase(testDb(), { demoResearcher: false });
  researcher = await aResearcher("RESEARCHER");
});

const filters = (values: Record<string, string> = {}) => auditFiltersSchema.parse(values);

async function anEvent(action: string, actorType: "SYSTEM" | "RESEARCHER") {
  await testDb().$transaction((tx) =>
    recordAuditEvent(tx, {
      actorType,
      actorId: actorType === "RESEARCHER" ? researcher.id : null,
      action,
      subjectType: "test",
    }),
  );
}

describe("the audit log", () => {
  it("lists events newest first with who did them and the volunteer they concern", async () => {
    const { volunteerId } = await consentedPerson();
    const page = await listAuditEvents(testDb(), researcher, filters());
    expect(page.events.map((e) => e.action)).toEqual([
      "consent.signed",
      "participation.invited",
      "registration.submitted",
    ]);
    expect(page.events.every((e) => e.volunteerId === volunteerId)).toBe(true);
    expect(page.events[0]).toMatchObject({
      actorType: "PARTICIPANT",
      actorLabel: "The participant",
      subjectType: "consent_record",
    });
    expect(page.events[1]).toMatchObject({ actorType: "SYSTEM", actorLabel: "The portal" });
    expect(page).toMatchObject({ olderThan: null, newerThan: null });
  });

  it("names the researcher who acted, and the researcher or study an event is about", async () => {
    const admin = await aResearcher("ADMIN");
    const study = await testDb().study.findUniqueOrThrow({ where: { slug: "workshops" } });
    await testDb().$transaction(async (tx) => {
      await recordAuditEvent(tx, {
        actorType: "RESEARCHER",
        actorId: admin.id,
        action: "researcher.role_changed",
        subjectType: "researcher",
        subjectId: researcher.id,
      });
      await recordAuditEvent(tx, {
        actorType: "RESEARCHER",
        actorId: admin.id,
        action: "study.settings_changed",
        subjectType: "study",
        subjectId: study.id,
      });
    });
    const [settings, role] = (await listAuditEvents(testDb(), researcher, filters())).events;
    expect(role).toMatchObject({ actorLabel: "Ada Admin", subjectLabel: "Rita Researcher", volunteerId: null });
    expect(settings).toMatchObject({ subjectLabel: study.shortTitle });
  });

  it("pages through by keyset, older and back to newer, without missing or repeating an event", async () => {
    for (let i = 0; i < 7; i++) await registerPerson();
    const all = (await testDb().auditEvent.findMany({ orderBy: { id: "desc" } })).map((e) => e.id.toString());
    const first = await listAuditEvents(testDb(), researcher, filters(), 3);
    expect(first.events.map((e) => e.id)).toEqual(all.slice(0, 3));
    expect(first.newerThan).toBeNull();
    const second = await listAuditEvents(testDb(), researcher, filters({ before: first.olderThan! }), 3);
    expect(second.events.map((e) => e.id)).toEqual(all.slice(3, 6));
    const third = await listAuditEvents(testDb(), researcher, filters({ before: second.olderThan! }), 3);
    expect(third.events.map((e) => e.id)).toEqual(all.slice(6));
    expect(third.olderThan).toBeNull();
    const back = await listAuditEvents(testDb(), researcher, filters({ after: second.newerThan! }), 3);
    expect(back.events.map((e) => e.id)).toEqual(all.slice(0, 3));
    expect(back.newerThan).toBeNull();
  });

  it("filters by action, subject type and actor type, and offers the values present", async () => {
    await consentedPerson();
    await registerPerson();
    await anEvent("test.by_researcher", "RESEARCHER");
    const byAction = await listAuditEvents(testDb(), researcher, filters({ action: "registration.submitted" }));
    expect(byAction.events.map((e) => e.action)).toEqual(["registration.submitted", "registration.submitted"]);
    const bySubject = await listAuditEvents(testDb(), researcher, filters({ subjectType: "consent_record" }));
    expect(bySubject.events.map((e) => e.action)).toEqual(["consent.signed"]);
    const byActor = await listAuditEvents(testDb(), researcher, filters({ actorType: "RESEARCHER" }));
    expect(byActor.events.map((e) => e.action)).toEqual(["test.by_researcher"]);
    const choices = await auditFilterChoices(testDb(), researcher);
    expect(choices.actions).toEqual([
      "consent.signed",
      "participation.invited",
      "registration.submitted",
      "test.by_researcher",
    ]);
    expect(choices.subjectTypes).toEqual(["consent_record", "expression_of_interest", "participation", "test"]);
    // Malformed filters are ignored, not an error.
    expect(
      auditFiltersSchema.parse({ action: "x'; drop table audit_events; --", actorType: "ROBOT", before: "1e9" }),
    ).toEqual({
      action: undefined,
      subjectType: undefined,
      actorType: undefined,
      from: undefined,
      to: undefined,
      before: undefined,
      after: undefined,
    });
  });

  it("filters by a range of days in UK time", async () => {
    // Events are stamped by the database's clock; insert four at chosen times directly (the chain takes any time).
    for (const at of ["2026-06-30T22:59:00Z", "2026-06-30T23:30:00Z", "2026-07-01T22:59:59Z", "2026-07-01T23:00:00Z"]) {
      await testDb()
        .$executeRaw`insert into audit_events (occurred_at, actor_type, action, subject_type) values (${new Date(at)}, 'SYSTEM', 'test.timed', 'test')`;
    }
    // 1 July in the UK (BST) runs from 23:00 UTC on 30 June to 23:00 UTC on 1 July.
    const july1 = await listAuditEvents(testDb(), researcher, filters({ from: "2026-07-01", to: "2026-07-01" }));
    expect(july1.events.map((e) => e.occurredAt.toISOString())).toEqual([
      "2026-07-01T22:59:59.000Z",
      "2026-06-30T23:30:00.000Z",
    ]);
    const fromOnly = await listAuditEvents(testDb(), researcher, filters({ from: "2026-07-02" }));
    expect(fromOnly.events).toHaveLength(1);
    const backwards = await listAuditEvents(testDb(), researcher, filters({ from: "2026-07-02", to: "2026-07-01" }));
    expect(backwards.dateErrors).toEqual([{ field: "to", message: "“To” must be the same as or after “From”" }]);
    const unreal = await listAuditEvents(testDb(), researcher, filters({ from: "2026-02-30" }));
    expect(unreal.dateErrors.map((e) => e.field)).toEqual(["from"]);
    expect(unreal.events).toHaveLength(4);
  });
});

describe("verifying the audit chain", () => {
  it("reports an intact chain with the number of events checked, and records the check", async () => {
    await consentedPerson();
    const before = await testDb().auditEvent.count();
    expect(await verifyAuditLog(testDb(), researcher)).toEqual({ intact: true, eventsChecked: before });
    const event = await testDb().auditEvent.findFirstOrThrow({ where: { action: "audit.verified" } });
    expect(event).toMatchObject({ actorId: researcher.id, data: { intact: true, eventsChecked: before } });
    // The check's own event joins the chain properly: the next check includes it and is intact.
    expect(await verifyAuditLog(testDb(), researcher)).toEqual({ intact: true, eventsChecked: before + 1 });
  });

  it("shows the event where the chain breaks, and the problem", async () => {
    await registerPerson();
    await registerPerson();
    await registerPerson();
    const db = testDb();
    const target = (await db.auditEvent.findMany({ orderBy: { id: "asc" } }))[2]!;
    await db.$executeRawUnsafe(`alter table audit_events disable trigger audit_events_append_only`);
    await db.$executeRawUnsafe(`update audit_events set data = '{}' where id = ${target.id}`);
    await db.$executeRawUnsafe(`alter table audit_events enable trigger audit_events_append_only`);
    const report = await verifyAuditLog(db, researcher);
    expect(report).toEqual({
      intact: false,
      eventsChecked: 3,
      brokenAtId: target.id.toString(),
      problem: "hash does not match content",
    });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "audit.verified" } });
    expect(event.data).toEqual({ intact: false, eventsChecked: 3, brokenAtId: target.id.toString() });
  });
});
