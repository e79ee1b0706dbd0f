import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The consent form people sign now: the study's most recently published form, with its statements in
 * order and the information sheet it refers to. Null while nothing is published.
 */
export async function currentConsentForm(tx: Prisma.TransactionClient, studyId: string) {
  return tx.consentForm.findFirst({
    where: { studyId, publishedAt: { not: null } },
    orderBy: { publishedAt: "desc" },
    include: { statements: { orderBy: { position: "asc" } }, informationSheet: true },
  });
}

export type CurrentConsentForm = NonNullable<Awaited<ReturnType<typeof currentConsentForm>>>;
