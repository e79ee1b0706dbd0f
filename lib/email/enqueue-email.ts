import type { Prisma } from "@/lib/generated/prisma/client";

export type EmailContent = { subject: string; text: string; html: string };

export type OutgoingEmailInput = EmailContent & {
  /** One logical email is sent once, however often this is called: e.g. "registration-confirmation:<id>". */
  dedupeKey: string;
  template: string;
  to: string;
  volunteerId?: string | null;
  participationId?: string | null;
  attachments?: { filename: string; contentType: string; content: Uint8Array<ArrayBuffer> }[];
};

/**
 * Puts an email in the outbox, inside the caller's transaction: it is sent if and only if the change that
 * caused it commits. The outbox worker (lib/email/outbox-worker.ts) does the sending, with retries.
 */
export async function enqueueEmail(tx: Prisma.TransactionClient, email: OutgoingEmailInput): Promise<void> {
  await tx.outgoingEmail.upsert({
    where: { dedupeKey: email.dedupeKey },
    update: {},
    create: {
      dedupeKey: email.dedupeKey,
      template: email.template,
      toAddress: email.to,
      volunteerId: email.volunteerId ?? null,
      participationId: email.participationId ?? null,
      subject: email.subject,
      textBody: email.text,
      htmlBody: email.html,
      ...(email.attachments?.length ? { attachments: { create: email.attachments } } : {}),
    },
  });
}
