import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestSmtpServer, type TestSmtpServer } from "../integration/support/test-smtp-server";
import { freePort } from "../support/free-port";
import { halfWrittenRegistrations } from "./support/consistency";
import { aDraftReadyToSubmit, answersFor, registrationFormFields, submitRegistration } from "./support/journeys";
import type { ManagedProcess } from "./support/managed-process";
import { startSystem, type AppInstance, type System } from "./support/system";

/**
 * The portal as it runs in a larger deployment: two app instances (background work off in both) and two
 * separate workers, all on one PostgreSQL. Registrations go through both instances, some sent twice (a
 * double click, or a retry that a load balancer sends to the other instance); every person is stored
 * once and every email is delivered once, by one of the two workers.
 */
const PEOPLE = 24;

let system: System;
let smtp: TestSmtpServer;
let apps: AppInstance[];
let workers: ManagedProcess[];

beforeAll(async () => {
  system = await startSystem();
  smtp = await startTestSmtpServer(await freePort());
  // Started together, as a deployment starts them: both launchers meet the migration lock and the seed.
  apps = await Promise.all(
    [1, 2].map((n) => system.startApp({ name: `app-${n}`, env: { RUN_WORKER_IN_APP: "false" } })),
  );
  workers = [1, 2].map((n) =>
    system.startWorker({
      name: `worker-${n}`,
      env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, PUBLIC_URL: apps[0]!.url },
    }),
  );
  await Promise.all(workers.map((w) => w.waitForLine(/worker started/)));
});

afterAll(async () => {
  await system?.stop();
  await smtp?.close();
});

/** JSON log lines of a process, with what they say. */
function logOf(process: { lines: { text: string }[] }): Record<string, unknown>[] {
  return process.lines.flatMap((l) => {
    try {
      return [JSON.parse(l.text) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}

describe("two app instances and two workers on one database", () => {
  it("store each registration once, whichever instance it reaches and however often, and the workers email each person once", async () => {
    const run = randomBytes(4).toString("hex");
    const people = Array.from({ length: PEOPLE }, (_, i) => ({
      fullName: `Several Instances ${i}`,
      email: `several.${run}.${i}@nhs.net`,
    }));

    const outcomes = await Promise.all(
      people.map(async (person, i) => {
        const draft = await aDraftReadyToSubmit(system.db, answersFor(person));
        const first = apps[i % 2]!;
        const other = apps[(i + 1) % 2]!;
        // Every third person's form is sent again, at the same moment, to the other instance.
        const targets = i % 3 === 0 ? [first, other] : [first];
        const forms = await Promise.all(targets.map((app) => registrationFormFields(app.url, draft)));
        const responses = await Promise.all(targets.map((app, n) => submitRegistration(app.url, draft, forms[n]!)));
        return responses.map((r) => `${r.status} ${new URL(r.headers.get("location") ?? "/", first.url).pathname}`);
      }),
    );
    for (const answers of outcomes) for (const answer of answers) expect(answer).toBe("303 /register/confirmation");

    // Each instance handled registrations of its own.
    for (const app of apps) {
      const submits = logOf(app).filter(
        (l) => l.msg === "request" && l.method === "POST" && l.path === "/register/check-answers",
      );
      expect(submits.length, `${app.name} handled final submits`).toBeGreaterThanOrEqual(PEOPLE / 2);
    }

    const emails = people.map((p) => p.email);
    const volunteers = await system.db.volunteer.findMany({
      where: { emailNormalised: { in: emails } },
      include: { expressionsOfInterest: true },
    });
    expect(volunteers).toHaveLength(PEOPLE);
    for (const v of volunteers) expect(v.expressionsOfInterest, v.emailNormalised).toHaveLength(1);
    expect(await halfWrittenRegistrations(system.db)).toEqual([]);

    // The workers send everything queued for these people: each email once, marked sent once.
    const ids = volunteers.map((v) => v.id);
    await vi.waitFor(
      async () => {
        const rows = await system.db.outgoingEmail.findMany({ where: { volunteerId: { in: ids } } });
        expect(rows.length).toBeGreaterThanOrEqual(PEOPLE);
        expect(rows.filter((r) => r.status !== "SENT")).toEqual([]);
      },
      { timeout: 90_000, interval: 500 },
    );
    const rows = await system.db.outgoingEmail.findMany({ where: { volunteerId: { in: ids } } });
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
    const confirmations = rows.filter((r) => r.template === "registration-confirmation");
    expect(confirmations).toHaveLength(PEOPLE);

    const toThesePeople = smtp.received.filter((m) => emails.includes(m.to));
    expect(toThesePeople).toHaveLength(rows.length);
    const deliveries = toThesePeople.map((m) => `${m.to} ${m.subject}`);
    expect(new Set(deliveries).size).toBe(deliveries.length);
    for (const email of emails)
      expect(toThesePeople.filter((m) => m.to === email).length, email).toBeGreaterThanOrEqual(1);

    // Both workers were running and sending; between them, every email was sent once.
    const sentBy = workers.map((w) => logOf(w).filter((l) => l.msg === "email sent").length);
    expect(sentBy[0]! + sentBy[1]!).toBe(rows.length);
    for (const w of workers) expect(w.running, `${w.name} still running`).toBe(true);
  });
});
