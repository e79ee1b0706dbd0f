import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { readEnv } from "@/lib/config/env";
import type { Database } from "@/lib/db/prisma";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { renderConsentConfirmation } from "@/lib/email/templates/consent-confirmation";
import { renderTeamConsentNotification } from "@/lib/email/templates/consent-team-notification";
import { Prisma } from "@/lib/generated/prisma/client";
import { firstErrorPerField } from "@/lib/forms/form-state";
import { ParticipationError } from "@/lib/participation/errors";
import { statusAfterSigning } from "@/lib/participation/status";
import { renderConsentRecordPdf } from "@/lib/pdf/consent-record-pdf";
import { daysFromNow, newAccessToken } from "@/lib/tokens/access-token";
import { links } from "@/lib/tokens/links";
import { consentAnswersSchema, statementField, toConsentAnswers } from "./consent-answers-schema";
import { hashConsentRecord, type ConsentRecordContent } from "./consent-hash";
import { findConsentInvitation } from "./consent-invitation";

export type SignConsentInput = {
  token: string;
  /** The form the person was shown: it must still be the current one. */
  consentFormId: string;
  /** Every field as posted: the answer to each statement and the typed name. */
  values: Record<string, unknown>;
};

export type SignConsentResult =
  /** `manageToken` opens the person's "manage your participation" page, where the signed form now is. */
  | { kind: "signed"; recordId: string; contentHash: string; manageToken: string }
  | { kind: "invalid-answers"; errors: Record<string, string> };

const NEXT_STEPS = {
  INTERVIEW: [
    "A member of the study team will contact you to arrange your interview (30 to 35 minutes, online on MS Teams) at a time that suits you.",
  ],
  WORKSHOP: ["We will share workshop dates and locations with you, and invite you to a session."],
} as const;

/**
 * Records a signed consent form. Everything is checked again on the server: the link, the form version,
 * that the posted statements are exactly the form's statements, that every required one is agreed, and
 * the time to consider. The record (exact statement texts and answers, versions, typed name, time and
 * its SHA-256) is written with the participation's new status, the used link, the emails (the signed PDF
 * to the person, a note to the team) and an audit event, in one transaction. Of two submissions at once,
 * only one can create a record (one per participation and form version); the other finds it signed.
 */
export async function signConsent(db: Database, input: SignConsentInput, now = new Date()): Promise<SignConsentResult> {
  const invitation = await findConsentInvitation(db, input.token, now);
  if (invitation.kind === "signed") throw new ParticipationError("You have already signed this consent form.");
  if (invitation.kind !== "ready") throw new ParticipationError("This link no longer works, so nothing was signed.");
  const { form, study } = invitation;
  if (input.consentFormId !== form.id) {
    throw new ParticipationError(
      "The consent form was updated after you opened it, so nothing was signed. Please read the current version and sign that.",
    );
  }
  const posted = Object.keys(input.values).filter((k) => k.startsWith("statement-"));
  const expected = form.statements.map((s) => statementField(s.id));
  if (posted.length !== expected.length || !expected.every((f) => posted.includes(f))) {
    throw new ParticipationError(
      "The answers sent do not match this consent form, so nothing was signed. Please go back to the form and try again.",
    );
  }
  if (invitation.signableFrom) {
    throw new ParticipationError(
      "You can sign this form once the time to consider has passed, so nothing was signed yet.",
    );
  }
  const parsed = consentAnswersSchema(form.statements).safeParse(input.values);
  if (!parsed.success) return { kind: "invalid-answers", errors: firstErrorPerField(parsed.error) };
  const answers = toConsentAnswers(parsed.data, form.statements);

  // A JavaScript date has millisecond precision, as the column does: the hash recomputed from the row matches.
  const signedAt = now;
  const content: ConsentRecordContent = {
    participationId: invitation.participationId,
    consentFormId: form.id,
    informationSheetId: form.informationSheetId,
    studyTitle: study.title,
    ethicsReference: study.ethicsReference,
    consentFormVersion: form.version,
    consentFormVersionDate: form.versionDate,
    informationSheetVersion: form.informationSheet.version,
    informationSheetVersionDate: form.informationSheet.versionDate,
    statements: form.statements.map((s) => ({
      position: s.position,
      key: s.key,
      text: s.text,
      required: s.required,
      agreed: answers.agreed.get(s.id) ?? false,
    })),
    signedName: answers.signedName,
    signedAt,
  };
  const contentHash = hashConsentRecord(content);
  const recordId = crypto.randomUUID();
  const pdf = await renderConsentRecordPdf({
    recordId,
    studyTitle: content.studyTitle,
    ethicsReference: content.ethicsReference,
    consentFormTitle: form.title,
    consentFormVersion: content.consentFormVersion,
    consentFormVersionDate: content.consentFormVersionDate,
    informationSheetVersion: content.informationSheetVersion,
    informationSheetVersionDate: content.informationSheetVersionDate,
    statements: [...content.statements],
    signedName: content.signedName,
    signedAt,
    contentHash,
  });
  const { publicUrl, MANAGE_LINK_DAYS } = readEnv();
  const manage = newAccessToken();

  try {
    await db.$transaction(async (tx) => {
      // The link is spent here, under a condition, so a replayed or parallel submission cannot reuse it.
      const spent = await tx.accessToken.updateMany({
        where: { id: invitation.tokenId, usedAt: null, revokedAt: null },
        data: { usedAt: now },
      });
      if (spent.count !== 1) throw new ParticipationError("This link has just been used, so nothing more was signed.");
      await tx.consentRecord.create({
        data: {
          id: recordId,
          ...content,
          statements: content.statements as unknown as Prisma.InputJsonValue,
          contentHash,
        },
      });
      const participation = await tx.participation.findUniqueOrThrow({
        where: { id: invitation.participationId },
        include: { volunteer: true, study: true },
      });
      await tx.participation.update({
        where: { id: participation.id },
        data: {
          status: statusAfterSigning(participation.status),
          consentedAt: participation.consentedAt ?? now,
          reconsentRequestedAt: null,
        },
      });
      await tx.accessToken.create({
        data: {
          tokenHash: manage.tokenHash,
          purpose: "MANAGE_PARTICIPATION",
          volunteerId: participation.volunteerId,
          expiresAt: daysFromNow(MANAGE_LINK_DAYS, now),
        },
      });
      await enqueueEmail(tx, {
        dedupeKey: `consent-confirmation:${recordId}`,
        template: "consent-confirmation",
        to: participation.volunteer.email,
        volunteerId: participation.volunteerId,
        participationId: participation.id,
        ...renderConsentConfirmation({
          fullName: participation.volunteer.fullName,
          studyTitle: study.title,
          signedAt,
          contentHash,
          manageUrl: links.manage(publicUrl, manage.token),
          contactName: study.contactName,
          contactEmail: study.contactEmail,
          nextSteps: [...NEXT_STEPS[participation.study.kind]],
        }),
        attachments: [
          { filename: `consent-form-${study.slug}.pdf`, contentType: "application/pdf", content: new Uint8Array(pdf) },
        ],
      });
      await enqueueEmail(tx, {
        dedupeKey: `consent-team-notification:${recordId}`,
        template: "consent-team-notification",
        to: study.contactEmail,
        participationId: participation.id,
        ...renderTeamConsentNotification({
          studyTitle: study.title,
          participantName: participation.volunteer.fullName,
          signedAt,
          optionalAnswers: content.statements
            .filter((s) => !s.required)
            .map((s) => ({ text: s.text, agreed: s.agreed })),
          dashboardUrl: links.volunteerInDashboard(publicUrl, participation.volunteerId),
        }),
      });
      await recordAuditEvent(tx, {
        actorType: "PARTICIPANT",
        actorId: participation.volunteerId,
        action: invitation.reconsent ? "consent.resigned" : "consent.signed",
        subjectType: "consent_record",
        subjectId: recordId,
        data: { participationId: participation.id, consentFormId: form.id, contentHash },
      });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ParticipationError("You have already signed this consent form.");
    }
    throw error;
  }
  return { kind: "signed", recordId, contentHash, manageToken: manage.token };
}
