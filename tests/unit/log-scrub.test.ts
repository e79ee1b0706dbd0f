import { describe, expect, it } from "vitest";
import { scrubLogText } from "@/lib/log/scrub";

describe("scrubLogText", () => {
  it.each([
    ["550 5.1.1 <Zoë.O'Brien-Smith@nhs.net>: Recipient address rejected", "550 5.1.1 <[email]>: Recipient address rejected"],
    ['{"msg":"to anne+study@trust.nhs.uk"}', '{"msg":"to [email]"}'],
    ["GET /consent/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE 200", "GET /consent/[token] 200"],
    ["GET /manage/short-but-still-a-token?x=1", "GET /manage/[token]?x=1"],
    ["/sign-in/confirm?token=abc123&email=x", "/sign-in/confirm?token=[token]&email=x"],
    ["session AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdE ended", "session [token] ended"],
  ])("hides the personal part of %j", (input, expected) => {
    expect(scrubLogText(input)).toBe(expected);
  });

  it("leaves ordinary lines alone", () => {
    const line = '{"level":"info","requestId":"7f3e","emailId":"0b5c2f7e-3d1a-4b9e-8a53-1b2c3d4e5f60","msg":"email sent"}';
    expect(scrubLogText(line)).toBe(line);
  });
});
