import { AsyncLocalStorage } from "node:async_hooks";

/**
 * What every log line written while handling one request (or running one background job) carries.
 * Kept on globalThis: Next.js bundles server code separately from the launcher that starts the request,
 * so a module-level store would be two different stores.
 */
export type LogContext = { requestId?: string; job?: string };

const key = Symbol.for("portal.logContext");
const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<LogContext> | undefined>;
const storage: AsyncLocalStorage<LogContext> = (holder[key] ??= new AsyncLocalStorage<LogContext>());

/** Runs `work` with `context` attached to every log line it writes, however deep. */
export function withLogContext<T>(context: LogContext, work: () => T): T {
  return storage.run({ ...storage.getStore(), ...context }, work);
}

/**
 * Runs `work` with only `context`, whatever it was called from. For background work started lazily, e.g.
 * on the first request: its timers would otherwise carry that request's id in every line they ever write.
 */
export function withFreshLogContext<T>(context: LogContext, work: () => T): T {
  return storage.run({ ...context }, work);
}

export function currentLogContext(): LogContext {
  return storage.getStore() ?? {};
}
