import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import { emailsAboutVolunteer } from "./emails-about-volunteer";
import { RecordNotFoundError } from "./errors";
import { volunteerTimeline } from "./volunteer-timeline";

export type VolunteerDataExport = Awaited<ReturnType<typeof collect>>;

async function collect(db: Database, actor: Researcher, volunteerId: string) {
  const volunteer = await db.volunteer.findUnique({ where: { id: volunteerId } });
  if (!volunteer) throw new RecordNotFoundError();
  const participations = await db.participation.findMany({
    where: { volunteerId },
    orderBy: { createdAt: "asc" },
    include: {
      study: { select: { id: true, slug: true, title: true } },
      consentRecords: { orderBy: { signedAt: "asc" }, include: { countersignature: true } },
      withdrawals: { orderBy: { withdrawnAt: "asc" } },
      interviews: { orderBy: { createdAt: "asc" } },
      workshopBookings: {
        orderBy: { createdAt: "asc" },
        include: {
          workshopSession: {
            select: {
              id: true,
              title: true,
              startsAt: true,
              endsAt: true,
              mode: true,
              location: true,
              onlineLink: true,
              region: true,
            },
          },
        },
      },
    },
  });
  const participationIds = participations.map((p) => p.id);
  const [expressionsOfInterest, emails, accessTokens, auditEvents, registrationDrafts] = await Promise.all([
    db.expressionOfInterest.findMany({
      where: { volunteerId },
      orderBy: { submittedAt: "asc" },
      select: { id: true, submittedAt: true, privacyNoticeVersion: true, answers: true },
    }),
    db.outgoingEmail.findMany({
      where: emailsAboutVolunteer(volunteerId, participationIds),
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        template: true,
        toAddress: true,
        subject: true,
        textBody: true,
        htmlBody: true,
        status: true,
        attempts: true,
        lastError: true,
        createdAt: true,
        sentAt: true,
        cancelledAt: true,
        participationId: true,
      },
    }),
    // Metadata only: a token's hash never leaves the database.
    db.accessToken.findMany({
      where: { volunteerId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        purpose: true,
        participationId: true,
        createdAt: true,
        expiresAt: true,
        usedAt: true,
        revokedAt: true,
      },
    }),
    volunteerTimeline(db, actor, volunteerId),
    // Registrations begun with their address, and the drafts of those they submitted (the cookie's hash stays out).
    db.$queryRaw<
      {
        id: string;
        answers: unknown;
        created_at: Date;
        updated_at: Date;
        submitted_at: Date | null;
        expires_at: Date;
      }[]
    >`
      select d.id, d.answers, d.created_at, d.updated_at, d.submitted_at, d.expires_at from registration_drafts d
      where d.expression_of_interest_id in (select x.id from expressions_of_interest x where x.volunteer_id = ${volunteerId}::uuid)
         or lower(trim(d.answers->>'email')) = ${volunteer.emailNormalised}
      order by d.created_at`,
  ]);
  // The attachments' names and sizes, never their bytes.
  const attachments =
    emails.length === 0
      ? []
      : await db.$queryRaw<{ id: string; email_id: string; filename: string; content_type: string; size: number }[]>`
          select a.id, a.email_id, a.filename, a.content_type, octet_length(a.content)::int as size
          from email_attachments a where a.email_id = any(${emails.map((e) => e.id)}::uuid[]) order by a.filename`;

  return {
    format: "volunteer-data-export/1",
    exportedAt: new Date(),
    volunteer,
    expressionsOfInterest,
    registrationDrafts: registrationDrafts.map((d) => ({
      id: d.id,
      answers: d.answers,
      createdAt: d.created_at,
      updatedAt: d.updated_at,
      submittedAt: d.submitted_at,
      expiresAt: d.expires_at,
    })),
    participations: participations.map(({ consentRecords, withdrawals, interviews, workshopBookings, ...p }) => ({
      ...p,
      consentRecords,
      withdrawals,
      interviews,
      workshopBookings: workshopBookings.map(({ workshopSession, ...b }) => ({ ...b, session: workshopSession })),
    })),
    emails: emails.map((e) => ({
      ...e,
      attachments: attachments
        .filter((a) => a.email_id === e.id)
        .map((a) => ({ id: a.id, filename: a.filename, contentType: a.content_type, sizeBytes: a.size })),
    })),
    accessTokens,
    auditEvents: auditEvents.map(({ actorName: _name, ...event }) => event),
  };
}

/**
 * Everything held about one volunteer, for a subject access request: their details, every submission
 * with its answers, unfinished registrations, participations with consent records (statements and all), withdrawals, interviews,
 * workshop bookings, the emails sent to them or about them (attachments by name and size), their links'
 * metadata (never the hashes) and the audit events about them. The export itself is audited. Any
 * signed-in researcher may export.
 */
export async function exportVolunteerData(
  db: Database,
  actor: Researcher,
  volunteerId: string,
): Promise<VolunteerDataExport> {
  const data = await collect(db, actor, volunteerId);
  await db.$transaction((tx) =>
    recordAuditEvent(tx, {
      actorType: "RESEARCHER",
      actorId: actor.id,
      action: "volunteer.exported",
      subjectType: "volunteer",
      subjectId: volunteerId,
    }),
  );
  return data;
}
