import { lockWorkshopSessions } from "@/lib/scheduling/transaction";
import { offerFreedSeats } from "@/lib/workshops/offer-freed-seats";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertAdmin } from "@/lib/auth/permissions";
import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { normaliseEmail } from "@/lib/registration/register-interest";
import { emailsAboutVolunteer } from "./emails-about-volunteer";
import { ErasureConfirmationError, RecordNotFoundError } from "./errors";

export const ERASED_NAME = "Erased";
export const ERASED_EMAIL_BODY = "The content of this email was erased at the person's request.";

/** A unique address that can never receive mail (.invalid is reserved), so nothing is sent to it. */
export function erasedEmailAddress(volunteerId: string): string {
  return `erased-${volunteerId}@invalid`;
}

export type ErasureResult = { kind: "erased" } | { kind: "already-erased" };

/**
 * Erases a volunteer's personal data on request (admins only), in one transaction, once they have typed
 * the person's email address to confirm. What is anonymised and what is kept is
 * anonymiseVolunteerInTransaction's to say. Erasing twice changes nothing the second time.
 */
export async function eraseVolunteerData(
  db: Database,
  actor: Researcher,
  input: { volunteerId: string; confirmEmail: string },
  now = new Date(),
): Promise<ErasureResult> {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    const result = await anonymiseVolunteerInTransaction(tx, {
      volunteerId: input.volunteerId,
      actor: { actorType: "RESEARCHER", actorId: actor.id },
      now,
      check: (emailNormalised) => {
        if (normaliseEmail(input.confirmEmail) !== emailNormalised) {
          throw new ErasureConfirmationError(
            "The email address you typed is not theirs. Type the email address shown on their page",
          );
        }
      },
    });
    if (result.kind === "already-erased") return result;
    await recordAuditEvent(tx, {
      actorType: "RESEARCHER",
      actorId: actor.id,
      action: "volunteer.erased",
      subjectType: "volunteer",
      subjectId: input.volunteerId,
      data: result.counts,
    });
    return { kind: "erased" } as const;
  });
}

export type AnonymisationCounts = {
  participationIds: string[];
  expressionsOfInterest: number;
  registrationDraftsDeleted: number;
  emails: number;
  attachmentsDeleted: number;
  accessTokensRevoked: number;
  interviewsCancelled: number;
  workshopBookingsCancelled: number;
};

/**
 * Anonymises one volunteer inside the caller's transaction: the admin's erasure on request and the
 * retention job (lib/retention) share it, so both keep and remove exactly the same things. Anonymised:
 * their details, the answers of every submission (the time and privacy notice version stay), registration
 * drafts, the bodies and address of emails to or about them (attachments deleted, pending ones
 * cancelled); their links are revoked and anything still arranged (an interview, a workshop place) is
 * cancelled. Kept unchanged, as the consent evidence and the ethics approval require: consent records
 * (append-only, signed name included), withdrawals, participations and their statuses, and the audit
 * trail. The caller records its own audit event (last, as the chain lock requires) from the counts.
 * `check` runs under the person's row lock, before anything changes, and may throw to refuse.
 */
export async function anonymiseVolunteerInTransaction(
  tx: Prisma.TransactionClient,
  input: {
    volunteerId: string;
    actor: { actorType: "RESEARCHER" | "SYSTEM"; actorId: string | null };
    now: Date;
    check?: (emailNormalised: string) => void | Promise<void>;
  },
): Promise<{ kind: "already-erased" } | { kind: "erased"; counts: AnonymisationCounts }> {
  const { now } = input;
  // Their workshop places go to the waiting lists. Sessions are locked before the person, in the order
  // every scheduling path uses, so that no two transactions deadlock.
  const bookedSessionIds = [
    ...new Set(
      (
        await tx.workshopBooking.findMany({
          where: { participation: { volunteerId: input.volunteerId }, status: { in: ["BOOKED", "OFFERED"] } },
          select: { workshopSessionId: true },
        })
      ).map((b) => b.workshopSessionId),
    ),
  ];
  await lockWorkshopSessions(tx, bookedSessionIds);
  // Row lock: an erasure and anything else changing this person run one after the other.
  const rows = await tx.$queryRaw<{ id: string; email_normalised: string; erased_at: Date | null }[]>`
    select id, email_normalised, erased_at from volunteers where id = ${input.volunteerId}::uuid for update`;
  const volunteer = rows[0];
  if (!volunteer) throw new RecordNotFoundError();
  if (volunteer.erased_at) return { kind: "already-erased" } as const;
  await input.check?.(volunteer.email_normalised);
  const id = volunteer.id;
  const participationIds = (await tx.participation.findMany({ where: { volunteerId: id }, select: { id: true } })).map(
    (p) => p.id,
  );
  const expressionIds = (
    await tx.expressionOfInterest.findMany({ where: { volunteerId: id }, select: { id: true } })
  ).map((x) => x.id);
  const placeholder = erasedEmailAddress(id);

  await tx.volunteer.update({
    where: { id },
    data: {
      fullName: ERASED_NAME,
      email: placeholder,
      emailNormalised: placeholder,
      phone: null,
      employer: null,
      staffGroup: null,
      jobTitle: null,
      region: null,
      partnershipCountry: null,
      // The latest screening answers, kept for the dashboard's filters, go with the rest.
      screeningAnswers: {},
      erasedAt: now,
    },
  });
  const answers = await tx.expressionOfInterest.updateMany({
    where: { volunteerId: id },
    data: { answers: { erased: true } },
  });
  const drafts = await tx.$executeRaw`
    delete from registration_drafts
    where expression_of_interest_id = any(${expressionIds}::uuid[]) or lower(trim(answers->>'email')) = ${volunteer.email_normalised}`;

  const emails = (
    await tx.outgoingEmail.findMany({ where: emailsAboutVolunteer(id, participationIds), select: { id: true } })
  ).map((e) => e.id);
  await tx.outgoingEmail.updateMany({
    where: { id: { in: emails }, status: "PENDING" },
    data: { status: "CANCELLED", cancelledAt: now },
  });
  await tx.outgoingEmail.updateMany({
    where: { id: { in: emails } },
    data: { textBody: ERASED_EMAIL_BODY, htmlBody: `<p>${ERASED_EMAIL_BODY}</p>` },
  });
  // The team's own address on their notifications is not the person's data; the person's address is.
  await tx.outgoingEmail.updateMany({
    where: { id: { in: emails }, volunteerId: id },
    data: { toAddress: placeholder },
  });
  const attachments = await tx.emailAttachment.deleteMany({ where: { emailId: { in: emails } } });

  const tokens = await tx.accessToken.updateMany({
    where: { volunteerId: id, revokedAt: null },
    data: { revokedAt: now },
  });
  const interviews = await tx.interview.updateMany({
    where: { participationId: { in: participationIds }, status: "SCHEDULED" },
    data: { status: "CANCELLED" },
  });
  const bookings = await tx.workshopBooking.updateMany({
    where: { participationId: { in: participationIds }, status: { in: ["BOOKED", "WAITLISTED", "OFFERED"] } },
    data: { status: "CANCELLED", offerExpiresAt: null },
  });
  for (const sessionId of bookedSessionIds) await offerFreedSeats(tx, { sessionId, actor: input.actor, now });

  return {
    kind: "erased",
    counts: {
      participationIds,
      expressionsOfInterest: answers.count,
      registrationDraftsDeleted: drafts,
      emails: emails.length,
      attachmentsDeleted: attachments.count,
      accessTokensRevoked: tokens.count,
      interviewsCancelled: interviews.count,
      workshopBookingsCancelled: bookings.count,
    },
  };
}
