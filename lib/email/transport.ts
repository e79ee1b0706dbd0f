import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";

export type MailTransport = Transporter<SMTPTransport.SentMessageInfo, SMTPTransport.Options>;

export type EmailToSend = { toAddress: string; subject: string; textBody: string; htmlBody: string };
export type AttachmentToSend = { filename: string; contentType: string; content: Uint8Array };

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
// A dead or unreachable mail server should fail an attempt within seconds, not hold the worker for minutes.
const TIMEOUT_MS = 10_000;

/**
 * An SMTP transport for SMTP_URL (smtp:// with STARTTLS, or smtps://). Email to a remote server must be
 * encrypted, since it carries personal data; a server on this machine (the development mail catcher, or
 * a local relay) may be spoken to in plain text.
 */
export function createMailTransport(smtpUrl: string): MailTransport {
  const url = new URL(smtpUrl);
  const local = LOCAL_HOSTS.has(url.hostname);
  const plainAllowed = local && url.protocol === "smtp:" && !url.username;
  return nodemailer.createTransport({
    url: smtpUrl,
    requireTLS: url.protocol === "smtp:" && !local,
    ignoreTLS: plainAllowed,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
}

/** Sends one outbox email and returns the id the mail server gave it. */
export async function sendOutgoingEmail(
  transport: MailTransport,
  email: EmailToSend,
  attachments: readonly AttachmentToSend[],
  from: string,
): Promise<string> {
  const info = await transport.sendMail({
    from,
    to: email.toAddress,
    subject: email.subject,
    text: email.textBody,
    html: email.htmlBody,
    attachments: attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: Buffer.from(a.content),
    })),
  });
  return info.messageId;
}
