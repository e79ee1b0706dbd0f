import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The outbox rows that concern one person: those sent to them, those about one of their participations
 * (the team's notifications of a signature or a question), and the team's withdrawal notifications,
 * which name them and link to their page in the dashboard.
 */
export function emailsAboutVolunteer(
  volunteerId: string,
  participationIds: readonly string[],
): Prisma.OutgoingEmailWhereInput {
  return {
    OR: [
      { volunteerId },
      ...(participationIds.length > 0 ? [{ participationId: { in: [...participationIds] } }] : []),
      { template: "withdrawal-team-notification", textBody: { contains: `/admin/volunteers/${volunteerId}` } },
    ],
  };
}
