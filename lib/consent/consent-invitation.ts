import type { Database } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hashToken, looksLikeToken, tokenState } from "@/lib/tokens/access-token";
import { currentConsentForm, type CurrentConsentForm } from "./current-documents";

/**
 * What a consent link opens. Reading it never changes anything: email security scanners (Microsoft 365
 * Safe Links, which NHSmail uses) open every link before the person does.
 */
export type ConsentInvitation =
  /** Unknown, expired, revoked or used: the page says so without revealing anything about anyone. */
  | { kind: "invalid" }
  | { kind: "withdrawn"; studyTitle: string }
  | { kind: "not-open"; studyTitle: string }
  /** This form version is already signed: the signed record is shown, never a second form. */
  | { kind: "signed"; studyTitle: string; recordId: string; signedAt: Date; contentHash: string }
  | ReadyInvitation;

export type ReadyInvitation = {
  kind: "ready";
  tokenId: string;
  participationId: string;
  volunteerId: string;
  participantName: string;
  reconsent: boolean;
  study: {
    id: string;
    slug: string;
    title: string;
    ethicsCommittee: string | null;
    ethicsReference: string | null;
    contactName: string;
    contactEmail: string;
  };
  form: CurrentConsentForm;
  /** Signing opens at this time (the study's time to consider), or null when it is open now. */
  signableFrom: Date | null;
};

export async function findConsentInvitation(
  db: Database | Prisma.TransactionClient,
  token: string | undefined,
  now = new Date(),
): Promise<ConsentInvitation> {
  if (!looksLikeToken(token)) return { kind: "invalid" };
  const row = await db.accessToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { participation: { include: { study: true, volunteer: true } } },
  });
  if (!row || row.purpose !== "CONSENT" || !row.participation || tokenState(row, now) !== "valid")
    return { kind: "invalid" };
  const { participation } = row;
  const { study, volunteer } = participation;
  if (volunteer.erasedAt) return { kind: "invalid" };
  if (participation.status === "WITHDRAWN") return { kind: "withdrawn", studyTitle: study.title };
  if (participation.status === "DECLINED") return { kind: "invalid" };

  const form = await currentConsentForm(db, study.id);
  if (!form) return { kind: "not-open", studyTitle: study.title };
  const signed = await db.consentRecord.findUnique({
    where: { participationId_consentFormId: { participationId: participation.id, consentFormId: form.id } },
    select: { id: true, signedAt: true, contentHash: true },
  });
  if (signed)
    return {
      kind: "signed",
      studyTitle: study.title,
      recordId: signed.id,
      signedAt: signed.signedAt,
      contentHash: signed.contentHash,
    };
  if (study.status !== "RECRUITING" && participation.reconsentRequestedAt === null)
    return { kind: "not-open", studyTitle: study.title };

  const opensAt = participation.informationSheetSentAt
    ? new Date(participation.informationSheetSentAt.getTime() + study.considerationPeriodHours * 3_600_000)
    : null;
  return {
    kind: "ready",
    tokenId: row.id,
    participationId: participation.id,
    volunteerId: volunteer.id,
    participantName: volunteer.fullName,
    reconsent: participation.reconsentRequestedAt !== null,
    study: {
      id: study.id,
      slug: study.slug,
      title: study.title,
      ethicsCommittee: study.ethicsCommittee,
      ethicsReference: study.ethicsReference,
      contactName: study.contactName,
      contactEmail: study.contactEmail,
    },
    form,
    signableFrom: opensAt && opensAt > now ? opensAt : null,
  };
}
