import type { Researcher } from "@/lib/auth/researcher-session";
import type { EligibilityOutcome, ParticipationStatus, ResearcherRole } from "@/lib/generated/prisma/client";
import { testDb } from "./test-db";

/**
 * Volunteers made directly in the database, with exactly the details and statuses a list test needs
 * (registering through the journey cannot give a status like "completed" in one step).
 */
export type VolunteerSpec = {
  fullName: string;
  email?: string;
  staffGroup?: string | null;
  region?: string | null;
  partnershipCountry?: string | null;
  /** The latest screening answers; by default the staff group, region and country above. */
  screeningAnswers?: Record<string, string | string[] | number>;
  createdAt?: Date;
  participations?: ParticipationSpec[];
};

export type ParticipationSpec = {
  study: "interview-study" | "workshops";
  status: ParticipationStatus;
  eligibility?: EligibilityOutcome;
  override?: EligibilityOutcome;
  invited?: boolean;
  consented?: boolean;
};

/** Statuses a person can only have reached by being invited, and by consenting. */
const afterInvitation: ParticipationStatus[] = [
  "INVITED",
  "CONSENTED",
  "DECLINED",
  "SCHEDULED",
  "COMPLETED",
  "WAITLISTED",
];
const afterConsent: ParticipationStatus[] = ["CONSENTED", "SCHEDULED", "COMPLETED", "WAITLISTED"];

export async function makeVolunteer(
  spec: VolunteerSpec,
): Promise<{ id: string; participationIds: Record<string, string> }> {
  const db = testDb();
  const email =
    spec.email ?? `${spec.fullName.toLowerCase().replace(/[^a-z]+/g, ".")}.${crypto.randomUUID().slice(0, 6)}@nhs.net`;
  const staffGroup = spec.staffGroup === undefined ? "nurse" : spec.staffGroup;
  const region = spec.region === undefined ? "london" : spec.region;
  const partnershipCountry = spec.partnershipCountry === undefined ? "Uganda" : spec.partnershipCountry;
  const volunteer = await db.volunteer.create({
    data: {
      fullName: spec.fullName,
      email,
      emailNormalised: email.toLowerCase(),
      staffGroup,
      region,
      partnershipCountry,
      // As registration stores them: the latest answers by question code, an answer not given left out.
      screeningAnswers: spec.screeningAnswers ?? {
        ...(staffGroup !== null && { staffGroup }),
        ...(region !== null && { region }),
        ...(partnershipCountry !== null && { ihpParticipation: "past", partnershipCountry }),
      },
      ...(spec.createdAt ? { createdAt: spec.createdAt } : {}),
    },
  });
  const participationIds: Record<string, string> = {};
  for (const p of spec.participations ?? []) {
    const study = await db.study.findUniqueOrThrow({ where: { slug: p.study } });
    const invited = p.invited ?? afterInvitation.includes(p.status);
    const consented = p.consented ?? afterConsent.includes(p.status);
    const created = await db.participation.create({
      data: {
        volunteerId: volunteer.id,
        studyId: study.id,
        status: p.status,
        eligibility: p.eligibility ?? (p.status === "INELIGIBLE" ? "INELIGIBLE" : "ELIGIBLE"),
        eligibilityOverride: p.override ?? null,
        overrideReason: p.override ? "Checked with their line manager" : null,
        overriddenAt: p.override ? new Date() : null,
        invitedAt: invited ? new Date() : null,
        consentedAt: consented ? new Date() : null,
        withdrawnAt: p.status === "WITHDRAWN" ? new Date() : null,
      },
    });
    participationIds[p.study] = created.id;
  }
  return { id: volunteer.id, participationIds };
}

export async function makeResearcher(role: ResearcherRole = "RESEARCHER"): Promise<Researcher> {
  const email = `researcher.${crypto.randomUUID().slice(0, 8)}@imperial.ac.uk`;
  const r = await testDb().researcher.create({
    data: { email, name: "Test Researcher", role, totpEnabledAt: new Date() },
  });
  return { id: r.id, email: r.email, name: r.name, role: r.role, totpEnabled: true };
}
