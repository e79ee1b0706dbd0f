"use server";

import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import type { ActionButtonState } from "@/components/admin/ActionButton";
import { ActionError } from "@/lib/forms/action-error";
import { retryOutgoingEmail } from "@/lib/email/retry-outgoing-email";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { wakeOutboxWorker } from "@/lib/email/outbox-worker";

/** Queues a failed or long-waiting email to be sent now, and wakes the worker to send it. */
export async function retryEmailAction(emailId: string, _previous: ActionButtonState): Promise<ActionButtonState> {
  const researcher = await requireResearcher();
  if (!z.uuid().safeParse(emailId).success) notFound();
  try {
    await retryOutgoingEmail(getDb(), researcher, { emailId });
  } catch (error) {
    if (error instanceof ActionError) return { error: error.message };
    throw error;
  }
  wakeOutboxWorker();
  redirect(`/admin/emails/${emailId}?done=retried`);
}
