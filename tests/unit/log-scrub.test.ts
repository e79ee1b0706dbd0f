import { describe, expect, it } from "vitest";
import { scrubLogText } from "@/lib/log/scrub";
import { prettyLogLine } from "@/lib/log/pretty-line";

describe("scrubLogText", () => {
  it.each([
    [
      "550 5.1.1 <Zoë.O'Brien-Smith@nhs.net>: Recipient address rejected",
      "550 5.1.1 <[email]>: Recipient address rejected",
    ],
    ['{"msg":"to anne+study@trust.nhs.uk"}', '{"msg":"to [email]"}'],
    ["GET /consent/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE 200", "GET /consent/[token] 200"],
    ["GET /manage/short-but-still-a-token?x=1", "GET /manage/[token]?x=1"],
    ["/sign-in/confirm?token=abc123&email=x", "/sign-in/confirm?token=[token]&email=x"],
    ["session AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE ended", "session [token] ended"],
  ])("hides the personal part of %j", (input, expected) => {
    expect(scrubLogText(input)).toBe(expected);
  });

  it("leaves ordinary lines alone", () => {
    const line =
      '{"level":"info","requestId":"7f3e","emailId":"0b5c2f7e-3d1a-4b9e-8a53-1b2c3d4e5f60","msg":"email sent"}';
    expect(scrubLogText(line)).toBe(line);
  });
});

describe("log lines shown in development", () => {
  it("shows an access line as method, path, status and duration", () => {
    const json = JSON.stringify({
      level: "info",
      time: "2026-11-26T10:02:03.456Z",
      pid: 1,
      requestId: "r",
      msg: "request",
      method: "GET",
      path: "/register",
      status: 200,
      durationMs: 41.2,
    });
    expect(prettyLogLine(json)).toBe("10:02:03 GET /register 200 41.2 ms");
  });

  it("shows other lines with their level when it is not info, and their fields", () => {
    const json = JSON.stringify({
      level: "error",
      time: "2026-11-26T10:02:03.456Z",
      msg: "email given up",
      emailId: "e1",
      attempts: 20,
    });
    expect(prettyLogLine(json)).toBe("10:02:03 ERROR email given up  (emailId=e1, attempts=20)");
  });

  it("passes anything else through as it is", () => {
    expect(prettyLogLine("plain words")).toBe("plain words");
    expect(prettyLogLine("[1,2]")).toBe("[1,2]");
  });
});
