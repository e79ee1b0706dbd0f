import { canAssignWorkshop, canWithdraw } from "./status";
import type { Database } from "@/lib/db/prisma";
import type { ParticipationStatus } from "@/lib/generated/prisma/client";
import { hashToken, looksLikeToken, tokenState } from "@/lib/tokens/access-token";

/** What a person sees of their own participation, through their "manage" link. Reading changes nothing. */
export type ManageView =
  | { kind: "invalid" }
  | {
      kind: "ready";
      volunteerId: string;
      fullName: string;
      participations: {
        id: string;
        studyTitle: string;
        studySlug: string;
        status: ParticipationStatus;
        withdrawnAt: Date | null;
        canWithdraw: boolean;
        /** A study of workshops they take part in: their own workshop page chooses and shows the place. */
        workshopPlace: boolean;
        consentRecords: { id: string; signedAt: Date; consentFormVersion: string }[];
      }[];
    };

export async function findManageAccess(
  db: Database,
  token: string | undefined,
  now = new Date(),
): Promise<{ volunteerId: string } | null> {
  if (!looksLikeToken(token)) return null;
  const row = await db.accessToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { volunteer: { select: { erasedAt: true } } },
  });
  if (!row || row.purpose !== "MANAGE_PARTICIPATION" || tokenState(row, now) !== "valid" || row.volunteer.erasedAt)
    return null;
  return { volunteerId: row.volunteerId };
}

export async function loadManageView(db: Database, token: string | undefined, now = new Date()): Promise<ManageView> {
  const access = await findManageAccess(db, token, now);
  if (!access) return { kind: "invalid" };
  const volunteer = await db.volunteer.findUniqueOrThrow({
    where: { id: access.volunteerId },
    include: {
      participations: {
        include: {
          study: true,
          consentRecords: {
            orderBy: { signedAt: "asc" },
            select: { id: true, signedAt: true, consentFormVersion: true },
          },
        },
        orderBy: { study: { displayOrder: "asc" } },
      },
    },
  });
  return {
    kind: "ready",
    volunteerId: volunteer.id,
    fullName: volunteer.fullName,
    participations: volunteer.participations.map((p) => ({
      id: p.id,
      studyTitle: p.study.title,
      studySlug: p.study.slug,
      status: p.status,
      withdrawnAt: p.withdrawnAt,
      canWithdraw: canWithdraw(p.status),
      workshopPlace: p.study.kind === "WORKSHOP" && canAssignWorkshop(p.status),
      consentRecords: p.consentRecords,
    })),
  };
}
