import pg from "pg";
import { logger } from "@/lib/log/logger";
import { withFreshLogContext } from "@/lib/log/request-context";

/**
 * Whether PostgreSQL answers, as the portal's HTTP server sees it, so that people get a clear "service
 * unavailable" page (503) during a database outage instead of Next.js's error page (500).
 *
 * Why this shape: the pages' own queries fail in many places and many ways (Prisma, the pg pool, inside a
 * server action), and Next.js turns them all into a 500. Rather than teach every page about outages, the
 * server asks one question of its own, `select 1`, over one small connection of its own:
 * - every few seconds while all is well (cheap: one round trip), and at once when a page has just failed
 *   with a 500 (so the first requests of an outage are answered correctly too);
 * - every second while the database is down, so the portal notices it is back within a second or two.
 * The pages' Prisma and pg pools reconnect by themselves when the database returns (a broken connection
 * is dropped from the pool and replaced on the next query); nothing here needs to restart them.
 */
export type DatabaseState = "up" | "down";

export type DatabaseHealthOptions = {
  url: string;
  /** How often to ask while the database answers. */
  upIntervalMs?: number;
  /** How often to ask while it does not. */
  downIntervalMs?: number;
  /** How long one question may take before the database counts as down. */
  timeoutMs?: number;
};

export class DatabaseHealth {
  private state: DatabaseState = "up";
  private client: pg.Client | undefined;
  private inFlight: Promise<DatabaseState> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly upIntervalMs: number;
  private readonly downIntervalMs: number;
  private readonly timeoutMs: number;

  constructor(private readonly options: DatabaseHealthOptions) {
    this.upIntervalMs = options.upIntervalMs ?? 5_000;
    this.downIntervalMs = options.downIntervalMs ?? 1_000;
    this.timeoutMs = options.timeoutMs ?? 2_000;
  }

  /** What the last check found. */
  get current(): DatabaseState {
    return this.state;
  }

  start(): void {
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.inFlight?.catch(() => undefined);
    await this.dropClient();
  }

  /** Asks PostgreSQL now; concurrent callers share one question. */
  check(): Promise<DatabaseState> {
    // In a context of its own: a check a failing request asked for, and the timers it sets, must not
    // carry that request's id in the log lines they write later.
    this.inFlight ??= withFreshLogContext({ job: "database-health" }, () => this.ask()).finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private schedule(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(
      () => void this.check().finally(() => this.schedule()),
      this.state === "up" ? this.upIntervalMs : this.downIntervalMs,
    );
    // The checks alone never keep the process running.
    this.timer.unref();
  }

  private async ask(): Promise<DatabaseState> {
    let next: DatabaseState;
    try {
      if (!this.client) {
        const client = new pg.Client({
          connectionString: this.options.url,
          connectionTimeoutMillis: this.timeoutMs,
          query_timeout: this.timeoutMs,
          application_name: "portal health check",
        });
        // A connection the server drops (e.g. PostgreSQL stopping) must not crash the process: forget it,
        // and the next check connects again.
        client.on("error", () => {
          if (this.client === client) this.client = undefined;
        });
        this.client = client;
        await client.connect();
      }
      await this.client.query("select 1");
      next = "up";
    } catch {
      await this.dropClient();
      next = "down";
    }
    if (next !== this.state && !this.stopped) {
      if (next === "down")
        logger.error(
          { database: "unreachable" },
          "the database cannot be reached: answering with the service unavailable page",
        );
      else logger.info({ database: "reachable" }, "the database can be reached again");
      this.state = next;
      // Look again soon after a change, at the pace of the new state.
      this.schedule();
    }
    return this.state;
  }

  private async dropClient(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
