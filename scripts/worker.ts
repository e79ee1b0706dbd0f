/**
 * `npm run worker`: the portal's background work in a process of its own, for deployments that run the
 * web servers with RUN_WORKER_IN_APP=false (or want more senders). It sends the outbox and runs the
 * reminder and retention passes (lib/jobs/background-work.ts) until SIGTERM or SIGINT, then finishes the
 * passes in progress and exits. Any number of workers and web servers can share one database.
 *
 * It needs DATABASE_URL and SMTP_URL: unlike `npm run dev`, it starts no embedded database or mail
 * catcher, since a worker that sent the real outbox into a catcher would lose email. It never changes the
 * schema either: the web server's `npm start` (or `npm run db:migrate`) applies migrations, and the worker
 * refuses to run on a database that lacks them.
 */
import pg from "pg";
import { readEnv } from "@/lib/config/env";
import { checkDatabaseConnection } from "@/lib/db/connect-check";
import { describeDatabaseUrl } from "@/lib/db/database-url";
import { getMigrationStatus, readMigrationFiles } from "@/lib/db/migrate";
import { createPrismaClient } from "@/lib/db/prisma";
import { startBackgroundWork, type BackgroundWork } from "@/lib/jobs/background-work";
import { createMailTransport } from "@/lib/email/transport";
import { logger } from "@/lib/log/logger";
import { withLogContext } from "@/lib/log/request-context";
import { failAndExit } from "./cli-output";

async function pendingMigrations(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => undefined);
  await client.connect();
  try {
    return (await getMigrationStatus(client, await readMigrationFiles())).pending;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const env = readEnv();
  if (!env.DATABASE_URL) {
    failAndExit(
      "DATABASE_URL is not set: the worker needs the portal's database, e.g. DATABASE_URL=postgres://portal:…@db.example.ac.uk:5432/portal",
    );
  }
  if (!env.SMTP_URL) {
    failAndExit(
      "SMTP_URL is not set: the worker sends the portal's email and needs a mail server, e.g. SMTP_URL=smtp://user:password@smtp.example.ac.uk:587",
    );
  }
  await checkDatabaseConnection(env.DATABASE_URL);
  const pending = await pendingMigrations(env.DATABASE_URL);
  if (pending.length > 0) {
    failAndExit(
      `The database at ${describeDatabaseUrl(env.DATABASE_URL)} lacks ${pending.length} migration(s) (${pending.at(-1)}): ` +
        "start the portal (npm start) or run npm run db:migrate first.",
    );
  }

  const db = createPrismaClient(env.DATABASE_URL, { maxConnections: 4 });
  const transport = createMailTransport(env.SMTP_URL);
  const work: BackgroundWork = startBackgroundWork({
    db,
    transport,
    from: env.MAIL_FROM,
    baseDelaySeconds: env.EMAIL_RETRY_BASE_SECONDS,
    leaseSeconds: env.EMAIL_LEASE_SECONDS,
    jobIntervalMs: env.JOB_INTERVAL_SECONDS * 1000,
  });
  withLogContext({ job: "worker" }, () =>
    logger.info(
      {
        database: describeDatabaseUrl(env.DATABASE_URL!),
        emailLeaseSeconds: env.EMAIL_LEASE_SECONDS,
        jobIntervalSeconds: env.JOB_INTERVAL_SECONDS,
      },
      "worker started",
    ),
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      // A second signal means "now": the lease hands any email in flight to another worker.
      withLogContext({ job: "worker" }, () => logger.warn({ signal }, "stopping at once"));
      process.exit(1);
    }
    stopping = true;
    withLogContext({ job: "worker" }, () => logger.info({ signal }, "stopping: finishing the passes in progress"));
    void (async () => {
      await work.stop();
      transport.close();
      await db.$disconnect();
      withLogContext({ job: "worker" }, () => logger.info("worker stopped"));
      process.exit(0);
    })();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => failAndExit(error));
