import { format } from "node:util";
import type { Logger } from "pino";

/**
 * Sends everything written with console.* in the web server's process (Next.js's own messages, React's
 * warnings, a library's stray console.log) through the portal's logger: every line on standard output is
 * then JSON, carries the request id of the request it was written during, and is scrubbed of emails and
 * tokens like the portal's own lines. Next.js prints a whole error with its stack through console.error;
 * it stays one line, with the text in `msg`.
 */
const levels = { debug: "debug", info: "info", log: "info", warn: "warn", error: "error" } as const;

export function routeConsoleToLogger(logger: Logger): void {
  const consoleLogger = logger.child({ source: "console" });
  for (const [method, level] of Object.entries(levels) as [
    keyof typeof levels,
    (typeof levels)[keyof typeof levels],
  ][]) {
    console[method] = (...args: unknown[]) => {
      // Errors keep their stack in the text; pino's own error serialiser would only see the first one.
      const text = format(...args).replace(/\x1b\[[0-9;]*m/g, "");
      consoleLogger[level](text);
    };
  }
}
