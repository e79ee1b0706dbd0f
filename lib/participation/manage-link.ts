import type { Prisma } from "@/lib/generated/prisma/client";
import { daysFromNow, newAccessToken } from "@/lib/tokens/access-token";
import { links } from "@/lib/tokens/links";

/**
 * A fresh "Manage your participation" link for one email to a person, stored (as a hash) in the caller's
 * transaction: every email to a participant ends with one.
 */
export async function createManageLink(
  tx: Prisma.TransactionClient,
  input: { volunteerId: string; publicUrl: string; days: number; now: Date },
): Promise<string> {
  const manage = newAccessToken();
  await tx.accessToken.create({
    data: {
      tokenHash: manage.tokenHash,
      purpose: "MANAGE_PARTICIPATION",
      volunteerId: input.volunteerId,
      expiresAt: daysFromNow(input.days, input.now),
    },
  });
  return links.manage(input.publicUrl, manage.token);
}
