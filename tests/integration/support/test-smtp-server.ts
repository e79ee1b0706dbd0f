import { SMTPServer } from "smtp-server";

export type ReceivedMessage = { subject: string; to: string; accepted: boolean };

export type TestSmtpServer = {
  port: number;
  /** Every message whose DATA arrived in full, accepted (250) or not (still stalled, or the client left). */
  received: ReceivedMessage[];
  /** Subjects of the messages answered 250: delivered, as far as the sender can know. */
  accepted(): string[];
  /** From now on, hold each message's DATA unanswered (the sender waits) until release(). */
  stall(on: boolean): void;
  /** Answers 250 to every message held so far. */
  release(): void;
  close(): Promise<void>;
};

/**
 * A mail server for tests that counts what reaches it. It can stall in DATA: the message arrives in full
 * but the reply never comes, the moment when a sender that dies has sent an email without knowing it.
 */
export async function startTestSmtpServer(port: number): Promise<TestSmtpServer> {
  const received: ReceivedMessage[] = [];
  let stalling = false;
  let held: { message: ReceivedMessage; callback: (error?: Error | null, message?: string) => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("error", () => undefined);
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const subject = /^Subject: (.*)$/m.exec(raw)?.[1]?.trim() ?? "";
        const message: ReceivedMessage = {
          subject,
          to: session.envelope.rcptTo.map((r) => r.address).join(","),
          accepted: false,
        };
        received.push(message);
        if (stalling) {
          held.push({ message, callback });
          return;
        }
        message.accepted = true;
        callback(null, "Queued");
      });
    },
  });
  // A client killed mid-conversation resets its socket; that is the point of some tests, not an error.
  server.on("error", () => undefined);
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    port,
    received,
    accepted: () => received.filter((m) => m.accepted).map((m) => m.subject),
    stall(on) {
      stalling = on;
    },
    release() {
      for (const { message, callback } of held) {
        message.accepted = true;
        callback(null, "Queued");
      }
      held = [];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
