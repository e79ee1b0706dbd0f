import { createServer, type Server } from "node:http";
import type net from "node:net";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";
import type { CaughtMessage } from "./caught-message";
import { handleMailCatcherRequest } from "./mail-catcher-http";
import { MailCatcherError } from "./mail-catcher-error";

export type { CaughtMessage };

/**
 * A stand-in mail server for development and tests: it accepts every email over SMTP, keeps it in
 * memory and shows it on a small web page (and a JSON API for tests). Nothing is ever delivered.
 */

export type MailCatcher = {
  stop(): Promise<void>;
  /** Newest first. */
  messages(): CaughtMessage[];
  smtpUrl: string;
  webUrl: string;
};

export type MailCatcherOptions = { smtpPort: number; webPort: number; host?: string };

const MAX_MESSAGES = 500;
const MAX_SIZE_BYTES = 10 * 1024 * 1024;

function addressesOf(header: AddressObject | AddressObject[] | undefined): string[] {
  const objects = header === undefined ? [] : Array.isArray(header) ? header : [header];
  return objects.flatMap((o) => o.value.map((a) => a.address ?? "").filter(Boolean));
}

async function parse(stream: SMTPServerDataStream, session: SMTPServerSession, id: string): Promise<CaughtMessage> {
  const mail = await simpleParser(stream);
  const envelope = session.envelope.rcptTo.map((r) => r.address);
  return {
    id,
    from: mail.from?.text ?? (session.envelope.mailFrom ? session.envelope.mailFrom.address : ""),
    to: envelope.length ? envelope : addressesOf(mail.to),
    subject: mail.subject ?? "",
    date: mail.date ?? new Date(),
    text: mail.text ?? "",
    html: mail.html || "",
    attachments: mail.attachments.map((a, i) => ({
      filename: a.filename ?? `attachment-${i + 1}`,
      contentType: a.contentType,
      content: a.content,
    })),
  };
}

function listen(server: net.Server, port: number, host: string, setting: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      const explained =
        error.code === "EADDRINUSE"
          ? `Port ${port} is already in use, so the mail catcher cannot start. Stop the program using it, ` +
            `or choose another port: ${setting}=${port + 1}`
          : `The mail catcher cannot listen on ${host}:${port} (${error.code ?? error.message}); choose another port with ${setting}.`;
      reject(new MailCatcherError(explained));
    });
    server.once("listening", resolve);
    server.listen(port, host);
  });
}

export async function startMailCatcher({
  smtpPort,
  webPort,
  host = "127.0.0.1",
}: MailCatcherOptions): Promise<MailCatcher> {
  let messages: CaughtMessage[] = [];
  let nextId = 1;

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: MAX_SIZE_BYTES,
    logger: false,
    // Stopping the launcher should not wait the default 30 s for an idle client to hang up.
    closeTimeout: 1_000,
    banner: "Portal mail catcher: nothing is delivered",
    onData(stream, session, callback) {
      const id = String(nextId++);
      parse(stream, session, id).then(
        (message) => {
          if (stream.sizeExceeded) {
            callback(Object.assign(new Error("Message too large for the mail catcher"), { responseCode: 552 }));
            return;
          }
          messages = [message, ...messages].slice(0, MAX_MESSAGES);
          callback(null, `Caught as message ${id}`);
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
  // A client that misbehaves must not take the catcher (and with it the launcher) down.
  smtp.on("error", () => undefined);

  const web: Server = createServer((req, res) => {
    try {
      handleMailCatcherRequest({ list: () => messages, clear: () => (messages = []) }, req, res);
    } catch {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end("The mail catcher could not show this page.");
    }
  });

  await listen(smtp.server, smtpPort, host, "MAIL_CATCHER_SMTP_PORT");
  try {
    await listen(web, webPort, host, "MAIL_CATCHER_WEB_PORT");
  } catch (error) {
    await new Promise<void>((r) => smtp.close(() => r()));
    throw error;
  }

  return {
    smtpUrl: `smtp://${host}:${smtpPort}`,
    webUrl: `http://${host}:${webPort}`,
    messages: () => [...messages],
    async stop() {
      web.closeAllConnections();
      await Promise.all([
        new Promise<void>((r) => web.close(() => r())),
        new Promise<void>((r) => smtp.close(() => r())),
      ]);
    },
  };
}
