import { AsyncResource } from "node:async_hooks";
import type { Database } from "@/lib/db/prisma";
import {
  claimDueEmails,
  failAbandonedLastAttempts,
  markFailed,
  markForRetry,
  markSent,
  type ClaimedEmail,
} from "./outbox-claims";
import { retryDelaySeconds } from "./retry-delay";
import { describeSendError } from "./send-error";
import { sendOutgoingEmail, type AttachmentToSend, type MailTransport } from "./transport";
import { logger } from "@/lib/log/logger";
import { withLogContext } from "@/lib/log/request-context";

/**
 * Sends what enqueueEmail put in the outbox. Delivery is at least once: an email is marked SENT after the
 * mail server accepted it, so a worker that dies between the two sends it again once its lease is over.
 * Logs name emails by id only, never by address or content.
 */

export type ProcessDueEmailsOptions = {
  db: Database;
  transport: MailTransport;
  /** The From header, MAIL_FROM. */
  from: string;
  /** Only for tests that move time on; otherwise PostgreSQL's clock. */
  now?: Date;
  /** How long a claim lasts before another worker may take the email over. */
  leaseSeconds?: number;
  baseDelaySeconds: number;
  maxAttempts?: number;
  batchSize?: number;
};

export type ProcessDueEmailsResult = { sent: number; failed: number; retried: number };

export async function processDueEmails(options: ProcessDueEmailsOptions): Promise<ProcessDueEmailsResult> {
  const { db, transport, from, leaseSeconds = 120, baseDelaySeconds, maxAttempts = 20, batchSize = 10 } = options;
  const now = options.now ?? null;
  const result: ProcessDueEmailsResult = { sent: 0, failed: 0, retried: 0 };

  result.failed += await failAbandonedLastAttempts(db, { now, leaseSeconds, maxAttempts });
  const claimed = await claimDueEmails(db, { now, leaseSeconds, maxAttempts, batchSize });
  const attachments = await attachmentsOf(db, claimed);

  for (const email of claimed) {
    let outcome: "sent" | "retried" | "failed";
    let stillOurs: boolean;
    try {
      // Logged before the send: if this process dies mid-send, the log shows which attempt it was on.
      logger.info({ emailId: email.id, attempt: email.attempts }, "sending email");
      const messageId = await sendOutgoingEmail(transport, email, attachments.get(email.id) ?? [], from);
      outcome = "sent";
      stillOurs = await markSent(db, email, messageId);
    } catch (error) {
      const lastError = describeSendError(error);
      if (email.attempts >= maxAttempts) {
        outcome = "failed";
        stillOurs = await markFailed(db, email, lastError);
        logger.error(
          { emailId: email.id, attempts: email.attempts, error: lastError },
          "email given up after its last attempt",
        );
      } else {
        outcome = "retried";
        const delaySeconds = retryDelaySeconds(email.attempts, baseDelaySeconds);
        stillOurs = await markForRetry(db, email, { now, delaySeconds, lastError });
        logger.warn(
          { emailId: email.id, attempt: email.attempts, maxAttempts, retryInSeconds: delaySeconds, error: lastError },
          "email not sent; will retry",
        );
      }
    }
    if (stillOurs) {
      result[outcome] += 1;
      if (outcome === "sent") logger.info({ emailId: email.id }, "email sent");
    } else logger.warn({ emailId: email.id }, "email's claim ran out while sending; another worker's record stands");
  }
  return result;
}

async function attachmentsOf(db: Database, emails: ClaimedEmail[]): Promise<Map<string, AttachmentToSend[]>> {
  const byEmail = new Map<string, AttachmentToSend[]>();
  if (emails.length === 0) return byEmail;
  const rows = await db.emailAttachment.findMany({
    where: { emailId: { in: emails.map((e) => e.id) } },
    orderBy: { filename: "asc" },
  });
  for (const row of rows) {
    const list = byEmail.get(row.emailId) ?? [];
    list.push({ filename: row.filename, contentType: row.contentType, content: row.content });
    byEmail.set(row.emailId, list);
  }
  return byEmail;
}

export type OutboxWorker = {
  /** Finishes the pass in progress, if any, and runs no more. */
  stop(): Promise<void>;
  /** Runs a pass now rather than at the next poll (or straight after the current one). */
  wake(): void;
};

export type StartOutboxWorkerOptions = Omit<ProcessDueEmailsOptions, "now"> & { pollIntervalMs?: number };

// On globalThis, not in a module variable: Next.js bundles instrumentation.ts and the route handlers
// separately, each with its own copy of this module, and wakeOutboxWorker() must find the worker from both.
const registry = globalThis as unknown as { portalOutboxWorkers?: Set<OutboxWorker> };

export function startOutboxWorker(options: StartOutboxWorkerOptions): OutboxWorker {
  const { pollIntervalMs = 1000, ...passOptions } = options;
  const batchSize = passOptions.batchSize ?? 10;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | undefined;
  let wakeRequested = false;
  let failing = false;

  const schedule = (delayMs: number) => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(runPass, delayMs);
  };

  async function pass(): Promise<boolean> {
    try {
      const { sent, failed, retried } = await withLogContext({ job: "outbox" }, () => processDueEmails(passOptions));
      if (failing) withLogContext({ job: "outbox" }, () => logger.warn("the outbox worker is working again"));
      failing = false;
      // A full batch means more may be waiting: carry on without waiting for the next poll.
      return sent + failed + retried >= batchSize;
    } catch (error) {
      // Logged once per outage, not once a second while the database is down.
      if (!failing)
        withLogContext({ job: "outbox" }, () =>
          logger.error({ error: describeSendError(error) }, "the outbox worker could not process emails"),
        );
      failing = true;
      return false;
    }
  }

  function runPass(): void {
    if (stopped) return;
    if (current) {
      wakeRequested = true;
      return;
    }
    clearTimeout(timer);
    current = pass().then((more) => {
      current = undefined;
      const soon = more || wakeRequested;
      wakeRequested = false;
      schedule(soon ? 0 : pollIntervalMs);
    });
  }

  const worker: OutboxWorker = {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      registry.portalOutboxWorkers?.delete(worker);
      await current;
    },
    // A request wakes the worker when it has queued an email; the pass must not run in that request's
    // log context (its id would follow the worker's timers into every later line), so it runs in the
    // context the worker was started in.
    wake: AsyncResource.bind(runPass),
  };
  registry.portalOutboxWorkers ??= new Set();
  registry.portalOutboxWorkers.add(worker);
  schedule(0);
  return worker;
}

/**
 * Asks the worker running in this process, if there is one, to send now: call it after committing a
 * transaction that enqueued email, so the email goes out at once instead of at the next poll. Does
 * nothing when no worker runs here (e.g. RUN_WORKER_IN_APP=false); the email is sent all the same.
 */
export function wakeOutboxWorker(): void {
  for (const worker of registry.portalOutboxWorkers ?? []) worker.wake();
}
