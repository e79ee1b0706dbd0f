import type { Database } from "@/lib/db/prisma";
import { startOutboxWorker, wakeOutboxWorker } from "@/lib/email/outbox-worker";
import type { MailTransport } from "@/lib/email/transport";
import { sendDueReminders } from "@/lib/reminders/send-reminders";
import { sendDueScheduleReminders } from "@/lib/reminders/send-schedule-reminders";
import { applyRetention } from "@/lib/retention/apply-retention";
import { endLapsedWorkshopOffers } from "@/lib/workshops/end-lapsed-offers";
import { startPeriodicJob } from "./periodic-job";

export type BackgroundWorkOptions = {
  db: Database;
  transport: MailTransport;
  from: string;
  baseDelaySeconds: number;
  /** EMAIL_LEASE_SECONDS: how long an email's claim lasts before another worker may take it over. */
  leaseSeconds: number;
  /** JOB_INTERVAL_SECONDS, in milliseconds: how often the reminder, retention and workshop-offer passes run. */
  jobIntervalMs: number;
};

export type BackgroundWork = {
  /** Finishes every pass in progress and starts no more. */
  stop(): Promise<void>;
};

/**
 * Everything the portal does in the background: sending the outbox, reminders (of invitations, and before
 * each interview and workshop), retention, and passing on workshop places offered from a waiting list and
 * not accepted in time. Run by the
 * separate worker (scripts/worker.ts) and, unless RUN_WORKER_IN_APP is false, inside each web server. Any
 * number may run against one database: the outbox's claims and lease, and the row locks the reminder and
 * retention passes take, keep them from doing the same thing twice.
 */
export function startBackgroundWork(o: BackgroundWorkOptions): BackgroundWork {
  const outbox = startOutboxWorker({
    db: o.db,
    transport: o.transport,
    from: o.from,
    baseDelaySeconds: o.baseDelaySeconds,
    leaseSeconds: o.leaseSeconds,
  });
  const reminders = startPeriodicJob({
    name: "reminders",
    intervalMs: o.jobIntervalMs,
    run: async () => {
      const invitations = await sendDueReminders(o.db);
      const schedule = await sendDueScheduleReminders(o.db);
      const result = { sent: invitations.sent, interviews: schedule.interviews, workshops: schedule.workshops };
      // The reminders are in the outbox: send them now rather than at the next poll.
      if (result.sent + result.interviews + result.workshops > 0) wakeOutboxWorker();
      return result;
    },
    worthLogging: (r) => r.sent + r.interviews + r.workshops > 0,
  });
  const retention = startPeriodicJob({
    name: "retention",
    intervalMs: o.jobIntervalMs,
    run: () => applyRetention(o.db),
    worthLogging: (r) => r.anonymised > 0,
  });
  const offers = startPeriodicJob({
    name: "workshop-offers",
    intervalMs: o.jobIntervalMs,
    run: async () => {
      const result = await endLapsedWorkshopOffers(o.db);
      // The "offer ended" and new offers' emails are in the outbox: send them now.
      if (result.sessions > 0) wakeOutboxWorker();
      return result;
    },
    worthLogging: (r) => r.sessions > 0,
  });
  return {
    async stop() {
      await Promise.all([outbox.stop(), reminders.stop(), retention.stop(), offers.stop()]);
    },
  };
}
