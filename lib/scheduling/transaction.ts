import type { Database } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** PostgreSQL gave up one of two transactions waiting on each other (a deadlock) or a serialisation clash. */
function isWriteConflict(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2034";
}

/**
 * Runs scheduling work in one transaction that takes row locks (SELECT … FOR UPDATE) and may wait for
 * other researchers' work on the same session or person. If PostgreSQL breaks a deadlock by failing this
 * transaction, nothing of it was kept, so it is run again from the start (at most three times).
 */
export async function inSchedulingTransaction<T>(db: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(work, { maxWait: 10_000, timeout: 20_000 });
    } catch (error) {
      if (attempt >= 3 || !isWriteConflict(error)) throw error;
    }
  }
}

/**
 * Locks workshop sessions for the rest of the transaction, always in id order so that two transactions
 * locking the same pair never wait on each other. Sessions are locked before people (participations),
 * everywhere, for the same reason. Returns the ids that exist.
 */
export async function lockWorkshopSessions(tx: Tx, ids: readonly string[]): Promise<string[]> {
  const sorted = [...new Set(ids)].sort();
  if (sorted.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: string }[]>`
    select id::text from workshop_sessions where id = any(${sorted}::uuid[]) order by id for update`;
  return rows.map((r) => r.id);
}

/** Locks one person's participation in a study, so that two researchers cannot arrange it at once. */
export async function lockParticipation(tx: Tx, id: string): Promise<boolean> {
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`select id::text from participations where id = ${id}::uuid for update`;
  return rows.length === 1;
}

/**
 * Locks interview slots for the rest of the transaction, in id order, before any participation (as
 * sessions are). Booking reads a slot's state only under this lock, so of two people choosing the same
 * slot the second waits, then sees it taken. Returns the ids that exist.
 */
export async function lockInterviewSlots(tx: Tx, ids: readonly (string | null | undefined)[]): Promise<string[]> {
  const sorted = [...new Set(ids.filter((id): id is string => typeof id === "string"))].sort();
  if (sorted.length === 0) return [];
  const rows = await tx.$queryRaw<{ id: string }[]>`
    select id::text from interview_slots where id = any(${sorted}::uuid[]) order by id for update`;
  return rows.map((r) => r.id);
}
