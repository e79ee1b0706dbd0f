import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { readEnv } from "@/lib/config/env";
import { currentConsentForm } from "@/lib/consent/current-documents";
import type { Database } from "@/lib/db/prisma";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { renderInvitationReminder } from "@/lib/email/templates/invitation-reminder";
import { logger } from "@/lib/log/logger";
import { issueConsentLinks } from "@/lib/participation/invite-participant";
import { links } from "@/lib/tokens/links";
import { MAX_REMINDERS, reminderDecision } from "./reminder-decision";

export type ReminderPassResult = { sent: number };

/**
 * One pass of the reminder job: every invitation due a reminder (lib/reminders/reminder-decision.ts)
 * gets one, each in its own transaction that decides, records and enqueues together.
 *
 * Several workers may run this at once. The truth is the invitation's own row: the transaction locks it
 * (FOR UPDATE), decides from what it reads under that lock, raises reminders_sent and enqueues the email.
 * A second worker waiting on the same row reads the raised count once the first commits and finds nothing
 * due; and the email's dedupe key (reminder:<participation>:<n>) could not be enqueued twice anyway.
 * Answering, withdrawing and erasure also change the row or its person, so they are ordered with this too.
 */
export async function sendDueReminders(
  db: Database,
  options: { now?: Date; batchSize?: number } = {},
): Promise<ReminderPassResult> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 100;
  const result: ReminderPassResult = { sent: 0 };
  // Paged by id so that a batch of invitations that turn out not to be due cannot hide later ones.
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const candidates = await dueCandidates(db, now, after, batchSize);
    for (const id of candidates) {
      if (await remindOne(db, id, now)) result.sent += 1;
    }
    if (candidates.length < batchSize) return result;
    after = candidates[candidates.length - 1]!;
  }
}

/**
 * The ids of invitations that look due, in SQL so that only those are read. The same rules as
 * reminderDecision, which decides again under the row lock: this query only narrows the search.
 */
async function dueCandidates(db: Database, now: Date, after: string, limit: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    select p.id from participations p
    join studies s on s.id = p.study_id
    join volunteers v on v.id = p.volunteer_id
    where p.status = 'INVITED' and p.invited_at is not null and p.reminders_sent < ${MAX_REMINDERS}::int
      and p.questions_raised_at is null and p.withdrawn_at is null and v.erased_at is null
      and s.status = 'RECRUITING' and s.reminder_after_days is not null
      and coalesce(p.eligibility_override, p.eligibility) = 'ELIGIBLE'
      and not exists (select 1 from consent_records c where c.participation_id = p.id)
      and greatest(p.invited_at, p.last_reminder_at,
            (select max(t.created_at) from access_tokens t where t.participation_id = p.id and t.purpose = 'CONSENT'))
          + s.reminder_after_days * interval '1 day' <= ${now}::timestamptz
      and p.id > ${after}::uuid
    order by p.id
    limit ${limit}::int`;
  return rows.map((r) => r.id);
}

async function remindOne(db: Database, participationId: string, now: Date): Promise<boolean> {
  const { publicUrl } = readEnv();
  return db.$transaction(async (tx) => {
    // The lock that makes this idempotent across workers (see above).
    await tx.$queryRaw`select id from participations where id = ${participationId}::uuid for update`;
    const p = await tx.participation.findUnique({
      where: { id: participationId },
      include: {
        volunteer: true,
        study: true,
        accessTokens: { where: { purpose: "CONSENT" }, orderBy: { createdAt: "desc" }, take: 1 },
        _count: { select: { consentRecords: true } },
      },
    });
    if (!p) return false;
    const decision = reminderDecision(
      {
        status: p.status,
        eligibility: p.eligibilityOverride ?? p.eligibility,
        volunteerErased: p.volunteer.erasedAt !== null,
        studyRecruiting: p.study.status === "RECRUITING",
        reminderAfterDays: p.study.reminderAfterDays,
        invitedAt: p.invitedAt,
        lastLinkSentAt: p.accessTokens[0]?.createdAt ?? null,
        lastReminderAt: p.lastReminderAt,
        remindersSent: p.remindersSent,
        questionsRaisedAt: p.questionsRaisedAt,
        withdrawnAt: p.withdrawnAt,
        consented: p._count.consentRecords > 0,
      },
      now,
    );
    if (!decision.due) return false;
    const form = await currentConsentForm(tx, p.studyId);
    if (!form) return false;

    const reminderNumber = decision.reminderNumber;
    await tx.participation.update({
      where: { id: p.id },
      data: { remindersSent: reminderNumber, lastReminderAt: now },
    });
    const issued = await issueConsentLinks(tx, { participationId: p.id, volunteerId: p.volunteerId, now });
    await enqueueEmail(tx, {
      dedupeKey: `reminder:${p.id}:${reminderNumber}`,
      template: "invitation-reminder",
      to: p.volunteer.email,
      volunteerId: p.volunteerId,
      participationId: p.id,
      ...renderInvitationReminder({
        fullName: p.volunteer.fullName,
        studyTitle: p.study.title,
        reminderNumber,
        invitedAt: p.invitedAt!,
        informationSheetVersion: form.informationSheet.version,
        informationSheetDate: form.informationSheet.versionDate,
        informationSheetUrl: links.informationSheet(publicUrl, p.study.slug),
        consentUrl: links.consent(publicUrl, issued.consent.token),
        linkExpiresAt: issued.expiresAt,
        contactName: p.study.contactName,
        contactEmail: p.study.contactEmail,
        manageUrl: links.manage(publicUrl, issued.manage.token),
      }),
    });
    await recordAuditEvent(tx, {
      actorType: "SYSTEM",
      action: "participation.reminder_sent",
      subjectType: "participation",
      subjectId: p.id,
      data: { studyId: p.studyId, reminderNumber, accessTokenId: issued.token.id, consentFormId: form.id },
    });
    logger.info({ participationId: p.id, reminderNumber }, "reminder enqueued");
    return true;
  });
}
