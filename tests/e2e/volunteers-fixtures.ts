import { randomBytes } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import type { Database } from "@/lib/db/prisma";
import type { ParticipationStatus } from "@/lib/generated/prisma/client";
import { uniqueEmail } from "./registration-journey";

/**
 * Volunteers for the dashboard's list tests, made directly in the portal's database with exactly the
 * details and statuses a test needs. Every test's people share a random word in their names, so a search
 * for it shows that test's people only, whatever other tests add to the same database at the same time.
 */
export function uniqueWord(): string {
  // Letters only (a-p), so the word is searchable and never looks like a number or part of an address.
  return `Zq${[...randomBytes(5)].map((b) => String.fromCharCode(97 + (b % 16))).join("")}`;
}

export type E2eVolunteer = {
  id: string;
  fullName: string;
  email: string;
  participationIds: Partial<Record<"interview-study" | "workshops", string>>;
};

export async function makeVolunteer(
  db: Database,
  spec: {
    fullName: string;
    staffGroup?: string;
    region?: string;
    partnershipCountry?: string;
    createdAt?: Date;
    participations?: { study: "interview-study" | "workshops"; status: ParticipationStatus }[];
  },
): Promise<E2eVolunteer> {
  const email = uniqueEmail(spec.fullName.split(" ")[0]!.toLowerCase());
  const volunteer = await db.volunteer.create({
    data: {
      fullName: spec.fullName,
      email,
      emailNormalised: email.toLowerCase(),
      staffGroup: spec.staffGroup ?? "nurse",
      region: spec.region ?? "london",
      partnershipCountry: spec.partnershipCountry ?? "Uganda",
      // As registration stores them: the latest answers by question code, which the list's filters test.
      screeningAnswers: {
        staffGroup: spec.staffGroup ?? "nurse",
        region: spec.region ?? "london",
        ihpParticipation: "past",
        partnershipCountry: spec.partnershipCountry ?? "Uganda",
      },
      ...(spec.createdAt ? { createdAt: spec.createdAt } : {}),
    },
  });
  const participationIds: E2eVolunteer["participationIds"] = {};
  for (const p of spec.participations ?? []) {
    const study = await db.study.findUniqueOrThrow({ where: { slug: p.study } });
    const invited = !["INTERESTED", "INELIGIBLE", "ELIGIBLE"].includes(p.status);
    const consented = ["CONSENTED", "SCHEDULED", "COMPLETED", "WAITLISTED"].includes(p.status);
    const created = await db.participation.create({
      data: {
        volunteerId: volunteer.id,
        studyId: study.id,
        status: p.status,
        eligibility: p.status === "INELIGIBLE" ? "INELIGIBLE" : "ELIGIBLE",
        invitedAt: invited ? new Date() : null,
        consentedAt: consented ? new Date() : null,
      },
    });
    participationIds[p.study] = created.id;
  }
  return { id: volunteer.id, fullName: spec.fullName, email, participationIds };
}

/** The links to volunteers' pages in the list's table, one a row: their names, in order. */
export function listedNames(page: Page): Locator {
  return page.locator("#volunteers tbody td a[href^='/admin/volunteers/']");
}
