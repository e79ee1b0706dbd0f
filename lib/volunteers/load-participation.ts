import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";

/**
 * One participation of a volunteer's, for the override page: null unless it is this volunteer's, so
 * another person's participation id under this URL finds nothing.
 */
export async function loadParticipationOfVolunteer(
  db: Database,
  _actor: Researcher,
  input: { volunteerId: string; participationId: string },
) {
  const p = await db.participation.findFirst({
    where: { id: input.participationId, volunteerId: input.volunteerId },
    include: {
      study: { select: { title: true } },
      volunteer: { select: { fullName: true, erasedAt: true } },
      overriddenBy: { select: { name: true, email: true } },
    },
  });
  if (!p) return null;
  return {
    id: p.id,
    studyTitle: p.study.title,
    volunteerName: p.volunteer.erasedAt ? "Erased volunteer" : p.volunteer.fullName,
    erased: p.volunteer.erasedAt !== null,
    status: p.status,
    eligibility: p.eligibility,
    eligibilityReasons: Array.isArray(p.eligibilityReasons) ? (p.eligibilityReasons as unknown[]).map(String) : [],
    override: p.eligibilityOverride
      ? {
          outcome: p.eligibilityOverride,
          reason: p.overrideReason ?? "",
          by: p.overriddenBy ? (p.overriddenBy.name ?? p.overriddenBy.email) : null,
          at: p.overriddenAt,
        }
      : null,
  };
}
