import "server-only";
import { getDb } from "@/lib/db/client";
import { eligibilityRulesSchema } from "@/lib/eligibility/rules";
import type { PublicStudy } from "./public-study";

/** Studies shown on the public pages: those recruiting or closed (with their status), never drafts. */
export async function listPublicStudies(): Promise<PublicStudy[]> {
  const studies = await getDb().study.findMany({
    where: { status: { in: ["RECRUITING", "CLOSED"] } },
    orderBy: [{ displayOrder: "asc" }, { createdAt: "asc" }],
  });
  return studies.map((s) => ({
    slug: s.slug,
    kind: s.kind,
    title: s.title,
    shortTitle: s.shortTitle,
    summary: s.summary,
    whatTakingPartInvolves: s.whatTakingPartInvolves,
    whoCanTakePart: eligibilityRulesSchema.parse(s.eligibilityRules).criteria.map((c) => c.description),
    ethicsCommittee: s.ethicsCommittee,
    ethicsReference: s.ethicsReference,
    targetMin: s.targetMin,
    targetMax: s.targetMax,
    contactName: s.contactName,
    contactEmail: s.contactEmail,
    status: s.status,
  }));
}
