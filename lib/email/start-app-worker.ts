import { readEnv } from "@/lib/config/env";
import { withFreshLogContext } from "@/lib/log/request-context";

/**
 * Starts the background work (lib/jobs/background-work.ts: the outbox, reminders, retention) inside the
 * web server (from instrumentation.ts), unless RUN_WORKER_IN_APP is false or there is no database or mail
 * server to use. Without SMTP_URL there is simply no worker: the emails wait in the outbox, unharmed,
 * until one runs.
 */
export async function startAppOutboxWorker(): Promise<void> {
  const env = readEnv();
  if (env.RUN_WORKER_IN_APP !== "true" || !env.DATABASE_URL || !env.SMTP_URL) return;
  // Development servers may call register() again; one worker per process is enough.
  const processState = globalThis as unknown as { portalAppOutboxWorker?: boolean };
  if (processState.portalAppOutboxWorker) return;
  processState.portalAppOutboxWorker = true;

  const [{ getDb }, { createMailTransport }, { startBackgroundWork }] = await Promise.all([
    import("@/lib/db/client"),
    import("./transport"),
    import("@/lib/jobs/background-work"),
  ]);
  // Not stopped on SIGTERM here: Next.js owns the process's signals. An email being sent as it exits is
  // taken over by another worker once its lease ends, and the reminder and retention passes are
  // transactions that simply roll back.
  // Next.js may load instrumentation while handling the first request: the background work's timers must
  // not carry that request's id in their log lines for ever.
  const transport = createMailTransport(env.SMTP_URL);
  withFreshLogContext({ job: "background" }, () =>
    startBackgroundWork({
      db: getDb(),
      transport,
      from: env.MAIL_FROM,
      baseDelaySeconds: env.EMAIL_RETRY_BASE_SECONDS,
      leaseSeconds: env.EMAIL_LEASE_SECONDS,
      jobIntervalMs: env.JOB_INTERVAL_SECONDS * 1000,
    }),
  );
}
