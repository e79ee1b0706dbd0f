import type { Database } from "@/lib/db/prisma";

/**
 * The outbox's state changes, in SQL. A claim is (id, attempts): every claim raises attempts by one, so a
 * worker whose lease ran out, and whose email another worker has since claimed, matches nothing when it
 * finally reports back and cannot overwrite the other's result.
 *
 * Times come from PostgreSQL's clock unless a test passes `now`, so several app servers with drifting
 * clocks still agree on what is due.
 */

export type ClaimedEmail = {
  id: string;
  toAddress: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  attempts: number;
};

type ClaimOptions = { now: Date | null; leaseSeconds: number; maxAttempts: number; batchSize: number };

export async function claimDueEmails(db: Database, o: ClaimOptions): Promise<ClaimedEmail[]> {
  // SKIP LOCKED: a worker passes over rows another worker is claiming at this moment instead of waiting
  // for them, and the row lock plus the re-checked WHERE stop both from taking the same email.
  return db.$queryRaw<ClaimedEmail[]>`
    update outgoing_emails as e
    set status = 'SENDING', locked_at = coalesce(${o.now}::timestamptz, now()),
        attempts = e.attempts + 1, updated_at = now()
    where e.id in (
      select id from outgoing_emails
      where ((status = 'PENDING' and next_attempt_at <= coalesce(${o.now}::timestamptz, now()))
          or (status = 'SENDING'
              and locked_at < coalesce(${o.now}::timestamptz, now()) - ${o.leaseSeconds}::int * interval '1 second'))
        and attempts < ${o.maxAttempts}::int
      order by next_attempt_at
      limit ${o.batchSize}::int
      for update skip locked)
    returning e.id, e.to_address as "toAddress", e.subject, e.text_body as "textBody",
              e.html_body as "htmlBody", e.attempts`;
}

/**
 * A worker that stopped mid-send (a crash, a deploy) leaves its email SENDING. Once the lease is over it
 * is claimed again, unless that was its last allowed attempt: then it is given up on here.
 */
export async function failAbandonedLastAttempts(db: Database, o: Omit<ClaimOptions, "batchSize">): Promise<number> {
  return db.$executeRaw`
    update outgoing_emails
    set status = 'FAILED', locked_at = null, updated_at = now(),
        last_error = 'The worker sending it stopped before it finished, on its last allowed attempt.'
    where status = 'SENDING' and attempts >= ${o.maxAttempts}::int
      and locked_at < coalesce(${o.now}::timestamptz, now()) - ${o.leaseSeconds}::int * interval '1 second'`;
}

/** Each returns whether this worker still held the claim (false: another worker took it over). */
export async function markSent(db: Database, claim: ClaimedEmail, providerMessageId: string): Promise<boolean> {
  const updated = await db.$executeRaw`
    update outgoing_emails
    set status = 'SENT', sent_at = now(), provider_message_id = ${providerMessageId.slice(0, 300)},
        locked_at = null, last_error = null, updated_at = now()
    where id = ${claim.id}::uuid and status = 'SENDING' and attempts = ${claim.attempts}::int`;
  return updated === 1;
}

export async function markForRetry(
  db: Database,
  claim: ClaimedEmail,
  o: { now: Date | null; delaySeconds: number; lastError: string },
): Promise<boolean> {
  const updated = await db.$executeRaw`
    update outgoing_emails
    set status = 'PENDING', locked_at = null, last_error = ${o.lastError}, updated_at = now(),
        next_attempt_at = coalesce(${o.now}::timestamptz, now()) + ${o.delaySeconds}::int * interval '1 second'
    where id = ${claim.id}::uuid and status = 'SENDING' and attempts = ${claim.attempts}::int`;
  return updated === 1;
}

export async function markFailed(db: Database, claim: ClaimedEmail, lastError: string): Promise<boolean> {
  const updated = await db.$executeRaw`
    update outgoing_emails
    set status = 'FAILED', locked_at = null, last_error = ${lastError}, updated_at = now()
    where id = ${claim.id}::uuid and status = 'SENDING' and attempts = ${claim.attempts}::int`;
  return updated === 1;
}
