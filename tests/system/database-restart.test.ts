import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { halfWrittenRegistrations } from "./support/consistency";
import {
  aDraftReadyToSubmit,
  answersFor,
  isRegistered,
  registrationFormFields,
  submitRegistration,
} from "./support/journeys";
import { startSystem, type AppInstance, type System } from "./support/system";

/**
 * PostgreSQL restarted while people use the portal: during the outage every page answers 503 with the
 * "service unavailable" page (never Next.js's 500, never a stack); afterwards the same app process
 * recovers by itself; and no registration is left half-written.
 */
type Outcome = {
  at: number;
  kind: "landing" | "registration";
  status: number;
  body: string;
  retryAfter: string | null;
  registered: boolean;
};

let system: System;
let app: AppInstance;

beforeAll(async () => {
  system = await startSystem();
  app = await system.startApp({ echo: process.env.SYSTEM_ECHO === "1" });
});

afterAll(async () => {
  await system?.stop();
});

describe("PostgreSQL restarted under load", () => {
  it("answers 503 with the friendly page during the outage, recovers by itself, and leaves nothing half-written", async () => {
    let person = 0;
    const nextDraft = () => {
      person += 1;
      return aDraftReadyToSubmit(
        system.db,
        answersFor({ fullName: `Load Tester ${person}`, email: `load.tester.${person}.${Date.now()}@nhs.net` }),
      );
    };
    const fields = await registrationFormFields(app.url, await nextDraft());
    // Drafts are written before the outage: during it, the test cannot write them either.
    const drafts = await Promise.all(Array.from({ length: 600 }, () => nextDraft()));

    const outcomes: Outcome[] = [];
    const failures: string[] = [];
    let running = true;
    const client = async (kind: Outcome["kind"]) => {
      while (running) {
        try {
          let response: Response;
          if (kind === "landing") {
            response = await fetch(`${app.url}/`, { signal: AbortSignal.timeout(30_000) });
          } else {
            const draft = drafts.pop();
            if (!draft) throw new Error("ran out of prepared registrations");
            response = await submitRegistration(app.url, draft, fields);
          }
          const body = await response.text();
          outcomes.push({
            at: Date.now(),
            kind,
            status: response.status,
            body,
            retryAfter: response.headers.get("retry-after"),
            registered: kind === "registration" && isRegistered(response),
          });
        } catch (error) {
          failures.push(`${kind}: ${error instanceof Error ? error.message : String(error)}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const clients = [client("landing"), client("registration"), client("landing"), client("registration")];

    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    await sleep(3_000);
    const stoppedAt = Date.now();
    await system.database.stop();
    await sleep(6_000);
    const restartedAt = Date.now();
    await system.database.start();

    // Recovery: the same app process answers normally again, within 20 seconds of PostgreSQL's return.
    const recovered = (kind: Outcome["kind"]) =>
      outcomes.some(
        (o) => o.kind === kind && o.at > restartedAt && (kind === "landing" ? o.status === 200 : o.registered),
      );
    const deadline = restartedAt + 20_000;
    while (Date.now() < deadline && !(recovered("landing") && recovered("registration"))) await sleep(250);
    const recoveredAt = Date.now();
    await sleep(2_000);
    running = false;
    await Promise.all(clients);

    expect(failures, "requests that got no answer at all").toEqual([]);
    expect(app.running, "the app process is still the one started before the outage").toBe(true);
    expect(recovered("landing") && recovered("registration"), "requests succeed again after PostgreSQL restarts").toBe(
      true,
    );

    const during = outcomes.filter((o) => o.at > stoppedAt && o.at < restartedAt);
    expect(during.filter((o) => o.status === 503).length, "503s during the outage").toBeGreaterThan(10);
    // Every failure, whenever it happened, is the friendly page: never a 500, never a stack.
    const failed = outcomes.filter((o) => o.status >= 500);
    expect(
      failed.map((o) => o.status).filter((s) => s !== 503),
      "server errors other than 503",
    ).toEqual([]);
    for (const o of failed) {
      expect(o.retryAfter).toMatch(/^\d+$/);
      expect(o.body).toContain("Sorry, the service is unavailable");
      expect(o.body).toContain("try again in a few minutes");
      expect(o.body).not.toMatch(/\bat .+\(.*:\d+:\d+\)|Error:|ECONNREFUSED|prisma/i);
    }
    // After the first success, everything succeeds.
    const firstOk = Math.min(...outcomes.filter((o) => o.at > restartedAt && o.status < 500).map((o) => o.at));
    expect(
      outcomes.filter((o) => o.at > firstOk + 2_000 && o.status >= 500),
      "failures after recovery",
    ).toEqual([]);

    // Nothing half-written: every registration is whole, and every one the portal confirmed is stored.
    expect(await halfWrittenRegistrations(system.db)).toEqual([]);
    const confirmed = outcomes.filter((o) => o.registered).length;
    const stored = await system.db.expressionOfInterest.count();
    expect(stored).toBeGreaterThanOrEqual(confirmed);
    expect(await system.db.volunteer.count()).toBe(stored);

    // Seen in the app's own log: the outage, the recovery, and access lines for both.
    const log = app.lines.map((l) => l.text);
    for (const message of ["the database cannot be reached", "the database can be reached again"]) {
      const line = log.find((l) => l.includes(message));
      expect(line, message).toBeDefined();
      // The health check's own line, not one of the request that happened to notice the outage.
      expect(JSON.parse(line!)).toMatchObject({ job: "database-health" });
      expect(JSON.parse(line!)).not.toHaveProperty("requestId");
    }
    process.stdout.write(
      `outage ${((restartedAt - stoppedAt) / 1000).toFixed(1)} s; recovered ${((recoveredAt - restartedAt) / 1000).toFixed(1)} s after restart; ` +
        `${outcomes.length} requests, ${during.filter((o) => o.status === 503).length} answered 503 during the outage, ${confirmed} registrations confirmed\n`,
    );
  });
});
