import { randomUUID } from "node:crypto";
import type { Researcher } from "@/lib/auth/researcher-session";
import type { ResearcherRole } from "@/lib/generated/prisma/client";
import { testDb } from "./test-db";

/** A researcher account, stored, as the session would describe them to the data layer. */
export async function aResearcher(
  role: ResearcherRole = "RESEARCHER",
  overrides: { totpEnabledAt?: Date | null } = {},
): Promise<Researcher> {
  const row = await testDb().researcher.create({
    data: {
      email: `r.${randomUUID().slice(0, 8)}@imperial.ac.uk`,
      name: role === "ADMIN" ? "Ada Admin" : "Rita Researcher",
      role,
      totpSecret: "sealed-secret",
      totpEnabledAt: overrides.totpEnabledAt === undefined ? new Date() : overrides.totpEnabledAt,
    },
  });
  return { id: row.id, email: row.email, name: row.name, role: row.role, totpEnabled: row.totpEnabledAt !== null };
}

/** A stored session for a researcher, as signing in would leave it. */
export async function aSession(researcherId: string): Promise<string> {
  const sessionToken = randomUUID();
  await testDb().researcherSession.create({
    data: { sessionToken, userId: researcherId, expires: new Date(Date.now() + 3_600_000), secondFactorAt: new Date() },
  });
  return sessionToken;
}

export async function auditActions(): Promise<string[]> {
  return (await testDb().auditEvent.findMany({ orderBy: { id: "asc" } })).map((e) => e.action);
}
