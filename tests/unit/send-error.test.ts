import { describe, expect, it } from "vitest";
import { describeSendError, redactAddresses } from "@/lib/email/send-error";

function smtpError(message: string, fields: { code?: string; responseCode?: number }): Error {
  return Object.assign(new Error(message), fields);
}

describe("the error kept when an email could not be sent", () => {
  it("removes every address a mail server quotes back", () => {
    const error = smtpError(
      "Can't send mail - all recipients were rejected: 550 5.1.1 <Jane.Smith+study@nhs.net>: user unknown",
      {
        code: "EENVELOPE",
        responseCode: 550,
      },
    );
    const text = describeSendError(error);
    expect(text).toBe("EENVELOPE Can't send mail - all recipients were rejected: 550 5.1.1 <[address]>: user unknown");
    expect(text).not.toMatch(/jane|nhs\.net/i);
  });

  it("removes bare addresses and credentials written as user@host", () => {
    expect(redactAddresses("from a.b-c@sub.example.ac.uk to x@y, via smtp://user:secret@mail.example.org:587")).toBe(
      "from [address] to [address], via smtp://user:[address]:587",
    );
  });

  it("keeps what helps to find the fault: the code, the reply and the host", () => {
    const error = smtpError("connect ECONNREFUSED 127.0.0.1:2525", { code: "ESOCKET" });
    expect(describeSendError(error)).toBe("ESOCKET connect ECONNREFUSED 127.0.0.1:2525");
    expect(describeSendError(smtpError("Greeting never received", { code: "ETIMEDOUT" }))).toBe(
      "ETIMEDOUT Greeting never received",
    );
  });

  it("does not repeat a code the message already gives", () => {
    expect(describeSendError(smtpError("connect ECONNREFUSED 127.0.0.1:1", { code: "ECONNREFUSED" }))).toBe(
      "connect ECONNREFUSED 127.0.0.1:1",
    );
  });

  it("keeps to one short line", () => {
    const text = describeSendError(new Error(`line one\n  line two ${"x".repeat(1000)}`));
    expect(text).not.toContain("\n");
    expect(text.length).toBeLessThanOrEqual(300);
    expect(text.startsWith("line one line two")).toBe(true);
  });

  it("describes things thrown that are not errors", () => {
    expect(describeSendError("refused by someone@example.org")).toBe("refused by [address]");
    expect(describeSendError(new Error(""))).toBe("Error");
  });
});
