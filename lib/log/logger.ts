import pino, { type Logger } from "pino";
import { currentLogContext } from "./request-context";
import { scrubLogText } from "./scrub";

/**
 * The portal's one logger: JSON lines on standard output, each with the request id (or background job)
 * it belongs to. Personal data never belongs in a log line; log record ids. Every line is scrubbed of
 * email addresses and tokens on the way out all the same.
 */
function createLogger(): Logger {
  // eslint-disable-next-line no-restricted-properties -- read before the validated settings exist
  const level = process.env.LOG_LEVEL ?? "info";
  return pino({
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => ({ ...currentLogContext() }),
    formatters: { level: (label) => ({ level: label }) },
    hooks: { streamWrite: scrubLogText },
  });
}

const key = Symbol.for("portal.logger");
const holder = globalThis as unknown as Record<symbol, Logger | undefined>;

/** Shared across Next.js's bundles and the launcher, so there is one stream and one configuration. */
export const logger: Logger = (holder[key] ??= createLogger());
