/**
 * The backup and restore procedure of docs/operations.md, done with the real tools: pg_dump -Fc of a
 * portal database, pg_restore --no-owner into an empty database, then `npm run verify:audit`. The
 * embedded PostgreSQL (18) has no pg_dump and pg_dump refuses a newer server, so this file runs its own
 * cluster of the operating system's PostgreSQL (Debian's 15), server and pg_dump of one major version.
 * Without those packages the test fails and says what to install: a backup procedure nobody has tested
 * is not one.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditLog } from "@/lib/audit/verify-audit-log";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { verifyEvidence } from "@/lib/audit/verify-evidence";
import { applyMigrations } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/prisma";
import { seedDatabase } from "@/lib/db/seed";
import { withdrawParticipation } from "@/lib/participation/withdraw";
import { startTemporaryCluster, type TemporaryCluster } from "./support/debian-postgres";
import { registerPerson } from "./support/participants";
import { aResearcher, consentedPerson, invitedOnly } from "./support/scheduling";
import { disconnectTestDb, testDb } from "./support/test-db";

/** The application's own role, as in production: owns its database, not a superuser. */
const APP_ROLE = "portal";
const APP_PASSWORD = `app-${crypto.randomUUID()}`;

let cluster: TemporaryCluster | undefined;
let fileDatabaseUrl: string | undefined;
let sourceUrl: string;
let dumpFile: string;

function appUrl(database: string): string {
  return `postgres://${APP_ROLE}:${encodeURIComponent(APP_PASSWORD)}@127.0.0.1:${cluster!.port}/${database}`;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const asSuperuser = <T>(database: string, work: (client: pg.Client) => Promise<T>) =>
  withClient(cluster!.superuserUrl(database), work);

/** Every table's row count, the migrations' own table included. */
async function rowCounts(url: string): Promise<Record<string, number>> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ name: string }>(
      `select quote_ident(tablename) as name from pg_tables where schemaname = 'public' order by tablename`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of rows) {
      counts[name] = Number((await client.query<{ n: string }>(`select count(*) as n from ${name}`)).rows[0]!.n);
    }
    return counts;
  });
}

/** docs/operations.md, "Restore": an empty database owned by the application's role, then pg_restore. */
async function restoreInto(database: string): Promise<string> {
  await asSuperuser("postgres", (c) => c.query(`create database ${database} owner ${APP_ROLE} template template0`));
  const url = appUrl(database);
  const restored = await cluster!.client(
    "pg_restore",
    ["--no-owner", "--exit-on-error", "--single-transaction", `--dbname=${url}`, dumpFile],
    APP_PASSWORD,
  );
  expect(restored.stderr).toBe("");
  expect(restored.code).toBe(0);
  return url;
}

/** `npm run verify:audit` against a database, as an operator runs it. */
function runVerifyAudit(databaseUrl: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "verify-audit.ts")], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

async function verifyDatabase(url: string) {
  const db = createPrismaClient(url, { maxConnections: 1 });
  try {
    return await verifyEvidence(db);
  } finally {
    await db.$disconnect();
  }
}

/**
 * What went wrong while arranging, rethrown by every test: a failing beforeAll would leave the tests
 * reported as skipped, and missing PostgreSQL programs must show as failures, with the message.
 */
let arrangeError: unknown;
function arranged(): TemporaryCluster {
  if (arrangeError) throw arrangeError;
  return cluster!;
}

beforeAll(async () => {
  try {
    await arrange();
  } catch (error) {
    arrangeError = error;
  }
}, 90_000);

async function arrange(): Promise<void> {
  cluster = await startTemporaryCluster();
  await asSuperuser("postgres", async (c) => {
    await c.query(`create role ${APP_ROLE} login password '${APP_PASSWORD}'`);
    await c.query(`create database portal owner ${APP_ROLE}`);
  });
  sourceUrl = appUrl("portal");
  // As the portal does at start: the migrations, as the application's role (pg_trgm is a trusted extension).
  await applyMigrations(sourceUrl);

  // The portal's own code writes the data, through DATABASE_URL, as it would in production.
  fileDatabaseUrl = process.env.DATABASE_URL;
  await disconnectTestDb();
  process.env.DATABASE_URL = sourceUrl;
  const db = testDb();
  await seedDatabase(db, { demoResearcher: false });
  const admin = await aResearcher("ADMIN");
  await registerPerson();
  await invitedOnly("workshops");
  await consentedPerson("interview-study");
  const leaving = await consentedPerson("workshops");
  await withdrawParticipation(db, {
    volunteerId: leaving.volunteerId,
    participationIds: "all",
    method: "SELF_SERVICE",
    dataChoice: "KEEP",
    reason: null,
  });
  await verifyAuditLog(db, admin);

  dumpFile = path.join(cluster.workDir, "portal.dump");
  // docs/operations.md, "Backups": pg_dump's custom format, as the application's role.
  const dumped = await cluster.client(
    "pg_dump",
    ["--format=custom", `--file=${dumpFile}`, `--dbname=${sourceUrl}`],
    APP_PASSWORD,
  );
  if (dumped.code !== 0 || dumped.stderr !== "")
    throw new Error(`pg_dump failed (exit code ${dumped.code}): ${dumped.stderr}`);
}

afterAll(async () => {
  await disconnectTestDb();
  process.env.DATABASE_URL = fileDatabaseUrl;
  await cluster?.stop();
}, 60_000);

describe("backing up with pg_dump and restoring with pg_restore", () => {
  it("runs a server and a pg_dump of the same major version, as the procedure requires", async () => {
    arranged();
    const server = await asSuperuser("postgres", (c) =>
      c.query<{ v: string }>(`select current_setting('server_version_num') as v`),
    );
    const dumpVersion = await cluster!.client("pg_dump", ["--version"], APP_PASSWORD);
    expect(Math.floor(Number(server.rows[0]!.v) / 10_000)).toBe(cluster!.major);
    expect(dumpVersion.stdout).toMatch(new RegExp(`\\(PostgreSQL\\) ${cluster!.major}\\.`));
  });

  it("restores into an empty database every row, with the audit chain and every consent record's hash intact", async () => {
    arranged();
    const restoredUrl = await restoreInto("portal_restored");

    const [before, after] = [await rowCounts(sourceUrl), await rowCounts(restoredUrl)];
    expect(after).toEqual(before);
    expect(before).toMatchObject({ consent_records: 2, withdrawals: 2, _prisma_migrations: expect.any(Number) });
    expect(before.audit_events).toBeGreaterThan(10);

    const source = await verifyDatabase(sourceUrl);
    const restored = await verifyDatabase(restoredUrl);
    expect(source.intact).toBe(true);
    expect(restored).toEqual(source);
    expect(restored).toMatchObject({
      intact: true,
      auditChain: { intact: true, eventsChecked: before.audit_events },
      consentRecords: { checked: 2, changed: [], signingNotAudited: [] },
    });

    // The documented command says so too, and exits 0.
    const verified = await runVerifyAudit(restoredUrl);
    expect(verified.output).toContain(`Audit chain: intact (${before.audit_events} events checked).`);
    expect(verified.output).toContain("Consent records: all 2 match their hashes and their signing events.");
    expect(verified.code).toBe(0);

    // The restored database is a working portal database: nothing left to migrate, and the chain carries on.
    expect((await applyMigrations(restoredUrl)).applied).toEqual([]);
    const db = createPrismaClient(restoredUrl, { maxConnections: 1 });
    try {
      await db.$transaction((tx) =>
        recordAuditEvent(tx, { actorType: "SYSTEM", action: "backup.restore_checked", subjectType: "test" }),
      );
      expect(await verifyEvidence(db)).toMatchObject({
        intact: true,
        auditChain: { eventsChecked: before.audit_events! + 1 },
      });
    } finally {
      await db.$disconnect();
    }
  });

  it("detects a restored copy altered afterwards, even by a superuser who switched the protecting triggers off", async () => {
    arranged();
    const tamperedUrl = await restoreInto("portal_tampered");
    const { recordId, eventId } = await asSuperuser("portal_tampered", async (c) => {
      // Replica mode skips ordinary triggers: the append-only guards on both tables.
      await c.query(`set session_replication_role = replica`);
      const record = await c.query<{ id: string }>(`select id from consent_records order by signed_at limit 1`);
      await c.query(`update consent_records set signed_name = 'Someone Else' where id = $1`, [record.rows[0]!.id]);
      const event = await c.query<{ id: string }>(
        `select id::text from audit_events where action = 'participation.invited' order by id limit 1`,
      );
      await c.query(`update audit_events set actor_type = 'RESEARCHER' where id = $1`, [event.rows[0]!.id]);
      return { recordId: record.rows[0]!.id, eventId: event.rows[0]!.id };
    });

    const report = await verifyDatabase(tamperedUrl);
    expect(report).toMatchObject({
      intact: false,
      auditChain: { intact: false, brokenAtId: eventId, problem: "hash does not match content" },
      consentRecords: { checked: 2, changed: [recordId], signingNotAudited: [] },
    });

    const verified = await runVerifyAudit(tamperedUrl);
    expect(verified.output).toContain(`Audit chain: BROKEN at event ${eventId} (hash does not match content)`);
    expect(verified.output).toContain(`CHANGED since signing (hash does not match): ${recordId}.`);
    expect(verified.code).toBe(1);
  });

  it("detects a consent record whose signing event was removed along with the chain rebuilt around it", async () => {
    arranged();
    const url = await restoreInto("portal_pruned");
    const recordId = await asSuperuser("portal_pruned", async (c) => {
      await c.query(`set session_replication_role = replica`);
      const record = await c.query<{ id: string }>(`select id from consent_records order by signed_at desc limit 1`);
      await c.query(`delete from audit_events where subject_type = 'consent_record' and subject_id = $1`, [
        record.rows[0]!.id,
      ]);
      // A careful forger recomputes every hash after the gap, so the chain itself verifies again.
      await c.query(`
        do $$
        declare e record; prev text := null;
        begin
          for e in select * from audit_events order by id loop
            update audit_events set previous_hash = prev,
              hash = audit_event_hash(prev, e.occurred_at, e.actor_type::text, e.actor_id, e.action, e.subject_type, e.subject_id, e.data)
            where id = e.id returning hash into prev;
          end loop;
        end $$`);
      return record.rows[0]!.id;
    });

    const report = await verifyDatabase(url);
    expect(report.auditChain.intact).toBe(true);
    expect(report).toMatchObject({ intact: false, consentRecords: { changed: [], signingNotAudited: [recordId] } });
  });
});
