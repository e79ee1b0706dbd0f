import { describeSendError } from "@/lib/email/send-error";
import { logger } from "@/lib/log/logger";
import { withLogContext } from "@/lib/log/request-context";

export type PeriodicJob = {
  /** Finishes the pass in progress, if any, and runs no more. */
  stop(): Promise<void>;
};

export type PeriodicJobOptions<T> = {
  /** On every log line the job writes. */
  name: string;
  intervalMs: number;
  /** One pass. It must be safe to run in several processes at once: the guard is in its own SQL. */
  run: () => Promise<T>;
  /** Whether a pass's result is worth a log line (e.g. something was done). */
  worthLogging?: (result: T) => boolean;
};

/**
 * Runs `run` now and then every `intervalMs` after the previous pass ends (never two passes of one job at
 * once in this process). The job's truth is in the database, not here: a pass that dies half-way, or a
 * process killed between passes, loses nothing, and the next pass (here or in another worker) carries on.
 */
export function startPeriodicJob<T>(options: PeriodicJobOptions<T>): PeriodicJob {
  const { name, intervalMs, run, worthLogging = () => true } = options;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | undefined;
  let failing = false;

  const pass = () =>
    withLogContext({ job: name }, async () => {
      try {
        const result = await run();
        if (failing) logger.warn("the job is working again");
        failing = false;
        if (worthLogging(result)) logger.info({ result }, "pass finished");
      } catch (error) {
        // Logged once per outage (e.g. the database is down), not at every interval.
        if (!failing) logger.error({ error: describeSendError(error) }, "the job's pass failed; it will run again");
        failing = true;
      }
    });

  const tick = () => {
    if (stopped) return;
    current = pass().then(() => {
      current = undefined;
      if (!stopped) timer = setTimeout(tick, intervalMs);
    });
  };
  timer = setTimeout(tick, 0);

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
