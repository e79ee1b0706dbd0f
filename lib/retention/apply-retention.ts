import { anonymiseVolunteerInTransaction } from "@/lib/volunteers/erase-volunteer-data";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Database } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log/logger";
import { retentionDecision, type RetentionDecision, type RetentionPerson } from "./retention-decision";

export type RetentionPassResult = { anonymised: number };

/** Thrown inside a transaction to roll it back when the person is no longer due once locked. */
class NoLongerDue extends Error {}

/**
 * One pass of the retention job: every person whose records have outlived their studies' retention
 * periods (lib/retention/retention-decision.ts) is anonymised with the same code as the admin's erasure,
 * one person per transaction, with one audit event each saying what was done (ids and counts only).
 *
 * Several workers may run this at once: the anonymisation locks the person's row and does nothing to a
 * person already erased, and the decision is taken again under that lock (with their participations
 * locked too), so a registration, an override or an invitation that lands at the same moment either
 * wins and keeps them, or waits and finds them anonymised.
 */
export async function applyRetention(
  db: Database,
  options: { now?: Date; batchSize?: number } = {},
): Promise<RetentionPassResult> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 100;
  const result: RetentionPassResult = { anonymised: 0 };
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const candidates = await dueCandidates(db, now, after, batchSize);
    for (const id of candidates) {
      if (await anonymiseOne(db, id, now)) result.anonymised += 1;
    }
    if (candidates.length < batchSize) return result;
    after = candidates[candidates.length - 1]!;
  }
}

/** Volunteers who look due, in SQL; retentionDecision decides again under the lock. */
async function dueCandidates(db: Database, now: Date, after: string, limit: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    select v.id from volunteers v
    where v.erased_at is null and v.id > ${after}::uuid
      and exists (select 1 from participations p where p.volunteer_id = v.id)
      and not exists (
        select 1 from participations p join studies s on s.id = p.study_id
        where p.volunteer_id = v.id and (
          s.retention_days is null
          or p.status not in ('INELIGIBLE', 'WITHDRAWN')
          or (p.status = 'INELIGIBLE' and (
                exists (select 1 from consent_records c where c.participation_id = p.id)
                or greatest(p.updated_at, (select max(e.submitted_at) from expressions_of_interest e where e.volunteer_id = v.id))
                   + s.retention_days * interval '1 day' > ${now}::timestamptz))
          or (p.status = 'WITHDRAWN' and (
                (select w.data_choice from withdrawals w where w.participation_id = p.id order by w.withdrawn_at desc limit 1)
                  is distinct from 'REMOVE'
                or (select max(w.withdrawn_at) from withdrawals w where w.participation_id = p.id)
                   + s.retention_days * interval '1 day' > ${now}::timestamptz))))
    order by v.id
    limit ${limit}::int`;
  return rows.map((r) => r.id);
}

async function loadPerson(tx: Prisma.TransactionClient, volunteerId: string): Promise<RetentionPerson> {
  const volunteer = await tx.volunteer.findUniqueOrThrow({
    where: { id: volunteerId },
    include: {
      expressionsOfInterest: { orderBy: { submittedAt: "desc" }, take: 1, select: { submittedAt: true } },
      participations: {
        include: {
          study: { select: { retentionDays: true } },
          withdrawals: { orderBy: { withdrawnAt: "desc" }, take: 1 },
          _count: { select: { consentRecords: true } },
        },
      },
    },
  });
  const lastSubmission = volunteer.expressionsOfInterest[0]?.submittedAt ?? null;
  return {
    erased: volunteer.erasedAt !== null,
    participations: volunteer.participations.map((p) => {
      const w = p.withdrawals[0];
      return {
        id: p.id,
        studyId: p.studyId,
        status: p.status,
        retentionDays: p.study.retentionDays,
        lastActivityAt: lastSubmission && lastSubmission > p.updatedAt ? lastSubmission : p.updatedAt,
        consented: p._count.consentRecords > 0,
        withdrawal: w ? { dataChoice: w.dataChoice, withdrawnAt: w.withdrawnAt } : null,
      };
    }),
  };
}

async function anonymiseOne(db: Database, volunteerId: string, now: Date): Promise<boolean> {
  try {
    return await db.$transaction(async (tx) => {
      let decision: RetentionDecision = { due: false };
      const result = await anonymiseVolunteerInTransaction(tx, {
        volunteerId,
        actor: { actorType: "SYSTEM", actorId: null },
        now,
        // Runs under the person's row lock, before anything changes.
        check: async () => {
          await tx.$queryRaw`select id from participations where volunteer_id = ${volunteerId}::uuid order by id for update`;
          decision = retentionDecision(await loadPerson(tx, volunteerId), now);
          if (!decision.due) throw new NoLongerDue();
        },
      });
      if (result.kind === "already-erased" || !decision.due) return false;
      const { participations } = decision as Extract<RetentionDecision, { due: true }>;
      // Their own words about why they left go too, where they asked for their data to be removed.
      const removal = participations.filter((p) => p.reason === "withdrawn_with_removal").map((p) => p.id);
      const reasons = await tx.withdrawal.updateMany({
        where: { participationId: { in: removal }, reason: { not: null } },
        data: { reason: null },
      });
      const { participationIds: _ids, ...counts } = result.counts;
      await recordAuditEvent(tx, {
        actorType: "SYSTEM",
        action: "volunteer.anonymised_after_retention",
        subjectType: "volunteer",
        subjectId: volunteerId,
        data: {
          participations: participations.map((p) => ({ participationId: p.id, studyId: p.studyId, reason: p.reason })),
          ...counts,
          withdrawalReasonsCleared: reasons.count,
        },
      });
      logger.info(
        { volunteerId, participations: participations.length },
        "records anonymised after their retention period",
      );
      return true;
    });
  } catch (error) {
    if (error instanceof NoLongerDue) return false;
    throw error;
  }
}
