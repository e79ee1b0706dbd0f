import { z } from "zod";
import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import type { EmailStatus, Prisma } from "@/lib/generated/prisma/client";

/**
 * The email outbox for the dashboard: newest first, a page at a time by keyset on (created_at, id),
 * filtered by status and template. Any researcher may read it: what was sent, to whom, when, and what
 * failed and why.
 */
export const EMAIL_STATUSES = ["PENDING", "SENDING", "SENT", "FAILED", "CANCELLED"] as const;

/** A position in the list: the creation time and id of the email it is next to. */
const cursorSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z_[0-9a-f-]{36}$/)
  .transform((v) => {
    const [at, id] = v.split("_") as [string, string];
    return { createdAt: new Date(at), id };
  })
  .refine((c) => !Number.isNaN(c.createdAt.getTime()) && z.uuid().safeParse(c.id).success)
  .optional()
  .catch(undefined);

export const emailFiltersSchema = z.object({
  status: z.enum(EMAIL_STATUSES).optional().catch(undefined),
  template: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/)
    .optional()
    .catch(undefined),
  before: cursorSchema,
  after: cursorSchema,
});
export type EmailFilters = z.output<typeof emailFiltersSchema>;

const cursorOf = (e: { createdAt: Date; id: string }) => `${e.createdAt.toISOString()}_${e.id}`;

const listColumns = {
  id: true,
  toAddress: true,
  subject: true,
  template: true,
  status: true,
  attempts: true,
  createdAt: true,
  sentAt: true,
  nextAttemptAt: true,
  lastError: true,
  volunteerId: true,
} as const;

export async function listOutgoingEmails(db: Database, _actor: Researcher, filters: EmailFilters, pageSize = 50) {
  const newerPage = filters.after !== undefined && filters.before === undefined;
  const cursor = filters.before ?? filters.after;
  const beyond = (c: { createdAt: Date; id: string }, older: boolean): Prisma.OutgoingEmailWhereInput => ({
    createdAt: older ? { lte: c.createdAt } : { gte: c.createdAt },
    OR: [{ createdAt: older ? { lt: c.createdAt } : { gt: c.createdAt } }, { id: older ? { lt: c.id } : { gt: c.id } }],
  });
  const rows = await db.outgoingEmail.findMany({
    where: {
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.template ? { template: filters.template } : {}),
      ...(cursor ? beyond(cursor, !newerPage) : {}),
    },
    orderBy: newerPage ? [{ createdAt: "asc" }, { id: "asc" }] : [{ createdAt: "desc" }, { id: "desc" }],
    take: pageSize + 1,
    select: listColumns,
  });
  const more = rows.length > pageSize;
  const emails = rows.slice(0, pageSize);
  if (newerPage) emails.reverse();
  const first = emails[0];
  const last = emails.at(-1);
  return {
    emails,
    olderThan: last && (newerPage || more) ? cursorOf(last) : null,
    newerThan: first && (newerPage ? more : filters.before !== undefined) ? cursorOf(first) : null,
  };
}

/** The templates that have been used, for the filter. */
export async function emailTemplates(db: Database, _actor: Researcher): Promise<string[]> {
  const rows = await db.outgoingEmail.groupBy({ by: ["template"], orderBy: { template: "asc" } });
  return rows.map((r) => r.template);
}

/** Whether the team can send an email again now: it failed, or it has waited a long time. */
export function canRetryEmail(
  email: { status: EmailStatus; attempts: number; createdAt: Date },
  now = new Date(),
): boolean {
  if (email.status === "FAILED") return true;
  return (
    email.status === "PENDING" && (email.attempts > 0 || now.getTime() - email.createdAt.getTime() > LONG_PENDING_MS)
  );
}

/** An email still waiting this long after it was written is stuck, or waiting for a late retry. */
export const LONG_PENDING_MS = 10 * 60_000;

/** One email with its bodies and attachments' names and sizes (never their content). Null for a bad id. */
export async function findOutgoingEmail(db: Database, _actor: Researcher, emailId: string) {
  if (!z.uuid().safeParse(emailId).success) return null;
  const email = await db.outgoingEmail.findUnique({ where: { id: emailId }, omit: { htmlBody: true } });
  if (!email) return null;
  const attachments = await db.$queryRaw<{ filename: string; content_type: string; size: number }[]>`
    select filename, content_type, octet_length(content)::int as size from email_attachments where email_id = ${email.id}::uuid order by filename`;
  return {
    ...email,
    attachments: attachments.map((a) => ({ filename: a.filename, contentType: a.content_type, size: a.size })),
  };
}
