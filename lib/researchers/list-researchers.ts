import { assertAdmin } from "@/lib/auth/permissions";
import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import { researcherIdSchema } from "./researcher-forms";

const columns = {
  id: true,
  email: true,
  name: true,
  role: true,
  totpEnabledAt: true,
  lastSignedInAt: true,
  disabledAt: true,
  createdAt: true,
} as const;

/** Every researcher account, active ones first, by name (admins only). Never their secrets. */
export async function listResearchers(db: Database, actor: Researcher) {
  assertAdmin(actor);
  const researchers = await db.researcher.findMany({ select: columns, orderBy: [{ name: "asc" }, { email: "asc" }] });
  return researchers.sort((a, b) => Number(a.disabledAt !== null) - Number(b.disabledAt !== null));
}

/** One researcher account (admins only); null for an id that is not one, or not a UUID at all. */
export async function findResearcher(db: Database, actor: Researcher, researcherId: string, now = new Date()) {
  assertAdmin(actor);
  if (!researcherIdSchema.safeParse(researcherId).success) return null;
  // Sessions that have not reached their absolute expiry (an idle one ends at its next use).
  return db.researcher.findUnique({
    where: { id: researcherId },
    select: { ...columns, _count: { select: { sessions: { where: { expires: { gt: now } } } } } },
  });
}

export type ResearcherAccount = NonNullable<Awaited<ReturnType<typeof findResearcher>>>;
