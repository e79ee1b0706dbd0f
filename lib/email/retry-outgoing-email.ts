import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Researcher } from "@/lib/auth/researcher-session";
import type { Database } from "@/lib/db/prisma";
import type { EmailStatus } from "@/lib/generated/prisma/client";
import { ActionError } from "../forms/action-error";
import { canRetryEmail } from "./list-outgoing-emails";

/**
 * Puts a failed (or long-waiting) email back in the queue to be sent now. A failed email has used up its
 * attempts, so it gets a fresh set: the count starts again from zero (the audit event keeps the old one).
 * The caller wakes the outbox worker after this returns. Any researcher may do it; audited.
 */
export async function retryOutgoingEmail(
  db: Database,
  actor: Researcher,
  input: { emailId: string },
  now = new Date(),
): Promise<void> {
  if (!z.uuid().safeParse(input.emailId).success) throw new ActionError("That email does not exist.");
  await db.$transaction(async (tx) => {
    const [email] = await tx.$queryRaw<{ id: string; status: EmailStatus; attempts: number; created_at: Date }[]>`
      select id, status, attempts, created_at from outgoing_emails where id = ${input.emailId}::uuid for update`;
    if (!email) throw new ActionError("That email does not exist.");
    if (!canRetryEmail({ status: email.status, attempts: email.attempts, createdAt: email.created_at }, now)) {
      throw new ActionError(
        email.status === "SENT"
          ? "This email has already been sent."
          : email.status === "SENDING"
            ? "This email is being sent now."
            : email.status === "CANCELLED"
              ? "This email was cancelled, so it cannot be sent."
              : "This email is waiting to be sent for the first time. Try again if it is still waiting in 10 minutes.",
      );
    }
    // Due at once by the database's clock, which is the one the worker compares with.
    await tx.$executeRaw`
      update outgoing_emails
      set status = 'PENDING', next_attempt_at = now(), locked_at = null, updated_at = now(),
          attempts = case when status = 'FAILED' then 0 else attempts end
      where id = ${email.id}::uuid`;
    await recordAuditEvent(tx, {
      actorType: "RESEARCHER",
      actorId: actor.id,
      action: "email.retried",
      subjectType: "outgoing_email",
      subjectId: email.id,
      data: { previousStatus: email.status, previousAttempts: email.attempts },
    });
  });
}
