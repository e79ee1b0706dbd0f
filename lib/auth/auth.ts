import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth from "next-auth";
import type { Adapter } from "next-auth/adapters";
import Nodemailer from "next-auth/providers/nodemailer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { readEnv } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { wakeOutboxWorker } from "@/lib/email/outbox-worker";
import { renderSignInLink } from "@/lib/email/templates/sign-in-link";

/** Sign-in links work for 10 minutes, once. */
export const SIGN_IN_LINK_MINUTES = 10;

export function normaliseResearcherEmail(email: string): string {
  return email.trim().toLowerCase();
}

async function activeResearcher(email: string | null | undefined) {
  if (!email) return null;
  const researcher = await getDb().researcher.findUnique({
    where: { email: normaliseResearcherEmail(email) },
    select: { id: true, disabledAt: true },
  });
  return researcher && !researcher.disabledAt ? researcher : null;
}

/**
 * Auth.js (next-auth 5) handles the email-link sign-in and the database sessions. The portal's own
 * tables stand in for Auth.js's: the adapter's "user" is a researcher. Authorisation is not done here but
 * in lib/auth/researcher-session.ts, which every admin page, action and route calls.
 */
export const { handlers, signIn, signOut } = NextAuth(() => {
  const env = readEnv();
  const db = getDb();
  return {
    adapter: PrismaAdapter({
      user: db.researcher,
      account: db.researcherAccount,
      session: db.researcherSession,
      verificationToken: db.verificationToken,
      authenticator: db.authenticator,
    } as unknown as Parameters<typeof PrismaAdapter>[0]) as Adapter,
    secret: env.AUTH_SECRET,
    trustHost: true,
    session: { strategy: "database", maxAge: env.SESSION_MAX_HOURS * 3600 },
    pages: { signIn: "/sign-in", verifyRequest: "/sign-in/check-email", error: "/sign-in/error" },
    providers: [
      Nodemailer({
        server: env.SMTP_URL ?? "smtp://127.0.0.1:25",
        from: env.MAIL_FROM,
        maxAge: SIGN_IN_LINK_MINUTES * 60,
        normalizeIdentifier: normaliseResearcherEmail,
        async sendVerificationRequest({ identifier, token }) {
          // The email links to a page with a button, never straight to the sign-in callback: email security
          // scanners (Microsoft 365 Safe Links) open every link, and would use up a single-use link.
          const confirmUrl = `${env.publicUrl}/sign-in/confirm?${new URLSearchParams({ token, email: identifier })}`;
          await db.$transaction(async (tx) => {
            const researcher = await tx.researcher.findUniqueOrThrow({ where: { email: identifier } });
            await enqueueEmail(tx, {
              dedupeKey: `sign-in:${token.slice(0, 16)}`,
              template: "sign-in-link",
              to: identifier,
              ...renderSignInLink({ confirmUrl, minutes: SIGN_IN_LINK_MINUTES }),
            });
            await recordAuditEvent(tx, {
              actorType: "RESEARCHER",
              actorId: researcher.id,
              action: "auth.sign_in_link_sent",
              subjectType: "researcher",
              subjectId: researcher.id,
            });
          });
          wakeOutboxWorker();
        },
      }),
    ],
    callbacks: {
      // Only researcher accounts can sign in, and no account is ever created here. Anyone else is sent to
      // the same "check your email" page, so the form says nothing about who has an account.
      async signIn({ user }) {
        return (await activeResearcher(user.email)) ? true : "/sign-in/check-email";
      },
      async redirect({ url, baseUrl }) {
        return url.startsWith(baseUrl) || url.startsWith("/") ? new URL(url, baseUrl).toString() : `${baseUrl}/admin`;
      },
    },
    events: {
      async signIn({ user }) {
        if (!user.id) return;
        await db.$transaction(async (tx) => {
          await tx.researcher.update({ where: { id: user.id }, data: { lastSignedInAt: new Date() } });
          await recordAuditEvent(tx, {
            actorType: "RESEARCHER",
            actorId: user.id,
            action: "auth.signed_in",
            subjectType: "researcher",
            subjectId: user.id,
          });
        });
      },
    },
  };
});
