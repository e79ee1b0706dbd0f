import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { readEnv } from "@/lib/config/env";
import type { Database } from "@/lib/db/prisma";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { renderInterviewReminder, renderWorkshopReminder } from "@/lib/email/templates/schedule-reminders";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log/logger";
import { createManageLink } from "@/lib/participation/manage-link";
import { lockParticipation } from "@/lib/scheduling/transaction";
import { scheduleReminderDecision, scheduleReminderKey } from "./schedule-reminder-decision";

type Tx = Prisma.TransactionClient;

export type ScheduleReminderPassResult = { interviews: number; workshops: number };

const NO_ID = "00000000-0000-0000-0000-000000000000";

/**
 * One pass of the schedule reminders: every interview and workshop place that starts within
 * SCHEDULE_REMINDER_HOURS (lib/reminders/schedule-reminder-decision.ts) and has had no reminder for that
 * start gets one, each in its own transaction that decides, enqueues and audits together.
 *
 * Several workers may run this at once. Each transaction locks the person (FOR SHARE, so that an erasure,
 * which takes it FOR UPDATE, runs before or after, never in between) and then the participation (as every
 * scheduling path does before changing a booking, so a cancellation or withdrawal is ordered with it), and
 * decides from what it reads under those locks. Whether a reminder was sent is the outbox itself: the
 * email's dedupe key names the booking and its start, so a second worker finds it and sends nothing.
 */
export async function sendDueScheduleReminders(
  db: Database,
  options: { now?: Date; batchSize?: number; hours?: number } = {},
): Promise<ScheduleReminderPassResult> {
  const now = options.now ?? new Date();
  const hours = options.hours ?? readEnv().SCHEDULE_REMINDER_HOURS;
  const batchSize = options.batchSize ?? 100;
  const result: ScheduleReminderPassResult = { interviews: 0, workshops: 0 };
  const until = new Date(now.getTime() + hours * 3_600_000);
  for (let after = NO_ID; ;) {
    const rows = await db.$queryRaw<{ id: string; volunteer_id: string; participation_id: string }[]>`
      select i.id::text, p.volunteer_id::text, p.id::text as participation_id from interviews i
      join participations p on p.id = i.participation_id
      join volunteers v on v.id = p.volunteer_id
      where i.status = 'SCHEDULED' and i.starts_at > ${now}::timestamptz and i.starts_at <= ${until}::timestamptz
        and p.withdrawn_at is null and v.erased_at is null
        and not exists (select 1 from outgoing_emails e where e.dedupe_key =
          'interview-reminder:' || i.id || ':' || to_char(i.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
        and i.id > ${after}::uuid
      order by i.id limit ${batchSize}::int`;
    for (const row of rows) if (await remindInterview(db, row, now, hours)) result.interviews += 1;
    if (rows.length < batchSize) break;
    after = rows[rows.length - 1]!.id;
  }
  for (let after = NO_ID; ;) {
    const rows = await db.$queryRaw<{ id: string; volunteer_id: string; participation_id: string }[]>`
      select b.id::text, p.volunteer_id::text, p.id::text as participation_id from workshop_bookings b
      join workshop_sessions s on s.id = b.workshop_session_id
      join participations p on p.id = b.participation_id
      join volunteers v on v.id = p.volunteer_id
      where b.status = 'BOOKED' and s.cancelled_at is null
        and s.starts_at > ${now}::timestamptz and s.starts_at <= ${until}::timestamptz
        and p.withdrawn_at is null and v.erased_at is null
        and not exists (select 1 from outgoing_emails e where e.dedupe_key =
          'workshop-reminder:' || b.id || ':' || to_char(s.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
        and b.id > ${after}::uuid
      order by b.id limit ${batchSize}::int`;
    for (const row of rows) if (await remindWorkshop(db, row, now, hours)) result.workshops += 1;
    if (rows.length < batchSize) break;
    after = rows[rows.length - 1]!.id;
  }
  return result;
}

type Candidate = { id: string; volunteer_id: string; participation_id: string };

/** The locks described above, in the order that keeps clear of erasure's and the scheduling paths'. */
async function lockPerson(tx: Tx, row: Candidate): Promise<void> {
  await tx.$queryRaw`select id from volunteers where id = ${row.volunteer_id}::uuid for share`;
  await lockParticipation(tx, row.participation_id);
}

async function alreadySent(tx: Tx, dedupeKey: string): Promise<boolean> {
  return (await tx.outgoingEmail.count({ where: { dedupeKey } })) > 0;
}

async function remindInterview(db: Database, row: Candidate, now: Date, hours: number): Promise<boolean> {
  const { publicUrl, MANAGE_LINK_DAYS } = readEnv();
  return db.$transaction(async (tx) => {
    await lockPerson(tx, row);
    const interview = await tx.interview.findUnique({
      where: { id: row.id },
      include: { participation: { include: { volunteer: true, study: true } } },
    });
    if (!interview) return false;
    const { participation } = interview;
    const { volunteer, study } = participation;
    const dedupeKey = scheduleReminderKey("interview", interview.id, interview.startsAt);
    const decision = scheduleReminderDecision(
      {
        booked: interview.status === "SCHEDULED",
        withdrawn: participation.status === "WITHDRAWN" || participation.withdrawnAt !== null,
        volunteerErased: volunteer.erasedAt !== null,
        startsAt: interview.startsAt,
        alreadySent: await alreadySent(tx, dedupeKey),
      },
      now,
      hours,
    );
    if (!decision.due) return false;
    const manageUrl = await createManageLink(tx, { volunteerId: volunteer.id, publicUrl, days: MANAGE_LINK_DAYS, now });
    await enqueueEmail(tx, {
      dedupeKey,
      template: "interview-reminder",
      to: volunteer.email,
      volunteerId: volunteer.id,
      participationId: participation.id,
      ...renderInterviewReminder({
        fullName: volunteer.fullName,
        studyTitle: study.title,
        startsAt: interview.startsAt,
        durationMinutes: interview.durationMinutes,
        meetingLink: interview.meetingLink,
        contactName: study.contactName,
        contactEmail: study.contactEmail,
        manageUrl,
      }),
    });
    await recordAuditEvent(tx, {
      actorType: "SYSTEM",
      action: "interview.reminder_sent",
      subjectType: "participation",
      subjectId: participation.id,
      data: { interviewId: interview.id, startsAt: interview.startsAt.toISOString(), hoursBefore: hours },
    });
    logger.info({ interviewId: interview.id }, "interview reminder enqueued");
    return true;
  });
}

async function remindWorkshop(db: Database, row: Candidate, now: Date, hours: number): Promise<boolean> {
  const { publicUrl, MANAGE_LINK_DAYS } = readEnv();
  return db.$transaction(async (tx) => {
    await lockPerson(tx, row);
    const booking = await tx.workshopBooking.findUnique({
      where: { id: row.id },
      include: { workshopSession: { include: { study: true } }, participation: { include: { volunteer: true } } },
    });
    if (!booking) return false;
    const { workshopSession: session, participation } = booking;
    const { volunteer } = participation;
    const dedupeKey = scheduleReminderKey("workshop", booking.id, session.startsAt);
    const decision = scheduleReminderDecision(
      {
        booked: booking.status === "BOOKED" && session.cancelledAt === null,
        withdrawn: participation.status === "WITHDRAWN" || participation.withdrawnAt !== null,
        volunteerErased: volunteer.erasedAt !== null,
        startsAt: session.startsAt,
        alreadySent: await alreadySent(tx, dedupeKey),
      },
      now,
      hours,
    );
    if (!decision.due) return false;
    const manageUrl = await createManageLink(tx, { volunteerId: volunteer.id, publicUrl, days: MANAGE_LINK_DAYS, now });
    await enqueueEmail(tx, {
      dedupeKey,
      template: "workshop-reminder",
      to: volunteer.email,
      volunteerId: volunteer.id,
      participationId: participation.id,
      ...renderWorkshopReminder({
        fullName: volunteer.fullName,
        studyTitle: session.study.title,
        session: {
          title: session.title,
          startsAt: session.startsAt,
          endsAt: session.endsAt,
          mode: session.mode,
          location: session.location,
          onlineLink: session.onlineLink,
        },
        contactName: session.study.contactName,
        contactEmail: session.study.contactEmail,
        manageUrl,
      }),
    });
    await recordAuditEvent(tx, {
      actorType: "SYSTEM",
      action: "workshop.reminder_sent",
      subjectType: "participation",
      subjectId: participation.id,
      data: {
        bookingId: booking.id,
        workshopSessionId: session.id,
        startsAt: session.startsAt.toISOString(),
        hoursBefore: hours,
      },
    });
    logger.info({ bookingId: booking.id }, "workshop reminder enqueued");
    return true;
  });
}
