import { readEnv } from "@/lib/config/env";
import { withFreshLogContext } from "@/lib/log/request-context";

/**
 * Starts the outbox worker inside the web server (from instrumentation.ts), unless RUN_WORKER_IN_APP is
 * false or there is no database or mail server to use. Without SMTP_URL there is simply no worker: the
 * emails wait in the outbox, unharmed, until one runs.
 */
export async function startAppOutboxWorker(): Promise<void> {
  const env = readEnv();
  if (env.RUN_WORKER_IN_APP !== "true" || !env.DATABASE_URL || !env.SMTP_URL) return;
  // Development servers may call register() again; one worker per process is enough.
  const processState = globalThis as unknown as { portalAppOutboxWorker?: boolean };
  if (processState.portalAppOutboxWorker) return;
  processState.portalAppOutboxWorker = true;

  const [{ getDb }, { createMailTransport }, { startOutboxWorker }] = await Promise.all([
    import("@/lib/db/client"),
    import("./transport"),
    import("./outbox-worker"),
  ]);
  // Next.js may load instrumentation while handling the first request: the worker's timers must not
  // carry that request's id in their log lines for ever.
  const transport = createMailTransport(env.SMTP_URL);
  withFreshLogContext({ job: "outbox" }, () =>
    startOutboxWorker({
      db: getDb(),
      transport,
      from: env.MAIL_FROM,
      baseDelaySeconds: env.EMAIL_RETRY_BASE_SECONDS,
    }),
  );
}
