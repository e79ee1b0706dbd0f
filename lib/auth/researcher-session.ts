import "server-only";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { readEnv } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import type { ResearcherRole } from "@/lib/generated/prisma/client";

/**
 * Who is signed in, checked on every admin page, action and route, here in the data-access layer and
 * never only in the proxy. A session counts when its cookie names a stored session that has not expired
 * (absolute limit), has been used recently (idle limit) and belongs to an active researcher. Admin pages
 * also need the second factor to have been checked in this session.
 */
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export type Researcher = { id: string; email: string; name: string | null; role: ResearcherRole; totpEnabled: boolean };
export type ResearcherSession = { sessionId: string; researcher: Researcher; secondFactorDone: boolean };

/** Activity is written at most this often, so pages do not each write to the database. */
const ACTIVITY_RESOLUTION_MS = 60_000;

export async function currentSessionToken(): Promise<string | undefined> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const value = jar.get(name)?.value;
    if (value) return value;
  }
  return undefined;
}

export async function findResearcherSession(
  sessionToken: string | undefined,
  now = new Date(),
): Promise<ResearcherSession | null> {
  if (!sessionToken || sessionToken.length > 255) return null;
  const db = getDb();
  const session = await db.researcherSession.findUnique({
    where: { sessionToken },
    include: {
      user: { select: { id: true, email: true, name: true, role: true, disabledAt: true, totpEnabledAt: true } },
    },
  });
  if (!session || session.user.disabledAt) return null;
  const idleMs = readEnv().SESSION_IDLE_MINUTES * 60_000;
  if (session.expires <= now || now.getTime() - session.lastActiveAt.getTime() > idleMs) {
    // An expired or idle session is over: remove it rather than leave it to be revived.
    await db.researcherSession.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now.getTime() - session.lastActiveAt.getTime() > ACTIVITY_RESOLUTION_MS) {
    await db.researcherSession.update({ where: { id: session.id }, data: { lastActiveAt: now } });
  }
  const { user } = session;
  return {
    sessionId: session.id,
    researcher: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      totpEnabled: user.totpEnabledAt !== null,
    },
    secondFactorDone: session.secondFactorAt !== null,
  };
}

/**
 * For admin pages and server actions: the signed-in researcher, after both factors, with the role asked
 * for. Otherwise sends them to sign in, to their second factor, or to a "not allowed" page.
 */
export async function requireResearcher(role: ResearcherRole = "RESEARCHER"): Promise<Researcher> {
  const session = await findResearcherSession(await currentSessionToken());
  if (!session) redirect("/sign-in");
  if (!session.secondFactorDone) redirect("/sign-in/two-factor");
  if (role === "ADMIN" && session.researcher.role !== "ADMIN") forbidden();
  return session.researcher;
}

/** For route handlers (exports): the same checks, answered with a status instead of a redirect. */
export async function researcherForRoute(role: ResearcherRole = "RESEARCHER"): Promise<Researcher | Response> {
  const session = await findResearcherSession(await currentSessionToken());
  if (!session || !session.secondFactorDone)
    return new Response("Sign in to continue.", { status: 401, headers: { "Cache-Control": "no-store" } });
  if (role === "ADMIN" && session.researcher.role !== "ADMIN")
    return new Response("Not allowed.", { status: 403, headers: { "Cache-Control": "no-store" } });
  return session.researcher;
}
