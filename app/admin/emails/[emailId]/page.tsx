import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/admin/ActionButton";
import { SuccessBanner } from "@/components/admin/SuccessBanner";
import { BackLink, SummaryList, Tag } from "@/components/nhs";
import { emailStatusWords } from "@/lib/email/email-words";
import { canRetryEmail, findOutgoingEmail } from "@/lib/email/list-outgoing-emails";
import { requireResearcher } from "@/lib/auth/researcher-session";
import { getDb } from "@/lib/db/client";
import { formatUkDateTime } from "@/lib/text/uk-dates";
import { retryEmailAction } from "../actions";

export const metadata: Metadata = { title: "Email" };

type Props = { params: Promise<{ emailId: string }>; searchParams: Promise<{ done?: string }> };

/**
 * One email: where it went, what happened to it, and its words. Only the plain-text part is shown, as
 * text: the HTML part is never put into the page (it is written from people's answers).
 */
export default async function EmailPage({ params, searchParams }: Props) {
  const researcher = await requireResearcher();
  const { emailId } = await params;
  const { done } = await searchParams;
  const email = await findOutgoingEmail(getDb(), researcher, emailId);
  if (!email) notFound();
  const status = emailStatusWords[email.status];
  return (
    <>
      <BackLink href="/admin/emails">Back to emails</BackLink>
      {done === "retried" ? <SuccessBanner heading="The email is being sent again now" /> : null}
      <span className="nhsuk-caption-l">Email</span>
      <h1 className="nhsuk-heading-l app-break-word">{email.subject}</h1>
      <SummaryList
        rows={[
          {
            key: "To",
            value: (
              <>
                <span className="app-break-word">{email.toAddress}</span>
                {email.volunteerId ? (
                  <>
                    {" "}
                    (<Link href={`/admin/volunteers/${email.volunteerId}`}>view volunteer</Link>)
                  </>
                ) : null}
              </>
            ),
          },
          { key: "Kind", value: email.template },
          { key: "Status", value: <Tag colour={status.colour}>{status.text}</Tag> },
          { key: "Attempts", value: String(email.attempts) },
          { key: "Written", value: formatUkDateTime(email.createdAt) },
          { key: "Sent", value: email.sentAt ? formatUkDateTime(email.sentAt) : "Not yet" },
          { key: "Next attempt", value: email.status === "PENDING" ? formatUkDateTime(email.nextAttemptAt) : "None" },
          { key: "Last error", value: email.lastError ?? "None" },
          {
            key: "Attachments",
            value: email.attachments.length
              ? email.attachments.map((a) => `${a.filename} (${Math.ceil(a.size / 1024)} KB)`).join(", ")
              : "None",
          },
        ]}
      />
      {canRetryEmail(email) ? (
        <>
          <h2 className="nhsuk-heading-m">Send it again</h2>
          <p>
            {email.status === "FAILED"
              ? "It could not be sent. Check the last error: if the problem has been put right, send it again now."
              : "It has been waiting a long time. Send it now instead of waiting for the next attempt."}
          </p>
          <ActionButton
            action={retryEmailAction.bind(null, email.id)}
            label="Retry sending this email"
            pendingLabel="Queuing…"
          />
        </>
      ) : null}
      <h2 className="nhsuk-heading-m">Text of the email</h2>
      <pre className="app-email-text">{email.textBody}</pre>
    </>
  );
}
