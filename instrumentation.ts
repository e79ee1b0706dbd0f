/**
 * Next.js calls register() once when a server process starts. The web server does the background work
 * itself (the outbox, reminders and retention: lib/email/start-app-worker.ts) unless RUN_WORKER_IN_APP is
 * false, when separate workers (npm run worker) do it.
 */
export async function register(): Promise<void> {
  // Read directly, not through readEnv(): Next.js substitutes NEXT_RUNTIME at compile time, which keeps
  // the mail and database code out of the edge bundle.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` loads server code to prerender pages; a build must never start the worker or connect.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startAppOutboxWorker } = await import("@/lib/email/start-app-worker");
  await startAppOutboxWorker();
}
