import { describe, expect, it } from "vitest";
import {
  canonicalConsentRecord,
  hashConsentRecord,
  verifyConsentRecord,
  type ConsentRecordContent,
} from "@/lib/consent/consent-hash";
import { consentAnswersSchema, statementField } from "@/lib/consent/consent-answers-schema";
import { canonicalJson } from "@/lib/text/canonical-json";
import { hashToken, looksLikeToken, newAccessToken, tokenState } from "@/lib/tokens/access-token";

describe("access tokens", () => {
  it("are 256 random bits, URL-safe, and never equal to their stored hash", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const { token, tokenHash } = newAccessToken();
      expect(looksLikeToken(token)).toBe(true);
      expect(Buffer.from(token, "base64url")).toHaveLength(32);
      expect(tokenHash).toBe(hashToken(token));
      expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
      seen.add(token);
    }
    expect(seen.size).toBe(200);
  });

  it.each(["", "short", "x".repeat(44), `${"a".repeat(42)}!`, "../../etc/passwd"])(
    "reject %j before any lookup",
    (value) => {
      expect(looksLikeToken(value)).toBe(false);
    },
  );

  it("stop working when revoked, used or expired, in that order of precedence", () => {
    const now = new Date("2026-11-26T12:00:00Z");
    const later = new Date("2026-12-26T12:00:00Z");
    expect(tokenState({ expiresAt: later, revokedAt: null, usedAt: null }, now)).toBe("valid");
    expect(tokenState({ expiresAt: now, revokedAt: null, usedAt: null }, now)).toBe("expired");
    expect(tokenState({ expiresAt: later, revokedAt: now, usedAt: now }, now)).toBe("revoked");
    expect(tokenState({ expiresAt: later, revokedAt: null, usedAt: now }, now)).toBe("used");
  });
});

describe("the consent record's hash", () => {
  const record: ConsentRecordContent = {
    participationId: "6f1e2f33-0000-4000-8000-000000000001",
    consentFormId: "6f1e2f33-0000-4000-8000-000000000002",
    informationSheetId: "6f1e2f33-0000-4000-8000-000000000003",
    studyTitle: "Interview study",
    ethicsReference: "20IC6786",
    consentFormVersion: "0.1",
    consentFormVersionDate: new Date("2026-11-26T00:00:00Z"),
    informationSheetVersion: "0.1",
    informationSheetVersionDate: new Date("2026-11-26T00:00:00Z"),
    statements: [
      { position: 1, key: "read-information-sheet", text: "I have read the sheet.", required: true, agreed: true },
      { position: 2, key: "anonymised-quotations", text: "Quotations may be used.", required: false, agreed: false },
    ],
    signedName: "Zoë O'Brien",
    signedAt: new Date("2026-11-26T14:05:06.789Z"),
  };

  it("is the SHA-256 of a canonical text that anyone can rebuild", () => {
    const text = canonicalConsentRecord(record);
    expect(text.startsWith('{"consentFormId":')).toBe(true);
    expect(text).toContain('"signedAt":"2026-11-26T14:05:06.789Z"');
    expect(text).toContain('"format":"consent-record/1"');
    expect(hashConsentRecord(record)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes with any change to what was agreed, and verifies only the record it was made from", () => {
    const hash = hashConsentRecord(record);
    expect(verifyConsentRecord({ ...record, contentHash: hash })).toBe(true);
    const flipped = { ...record, statements: [record.statements[0]!, { ...record.statements[1]!, agreed: true }] };
    expect(verifyConsentRecord({ ...flipped, contentHash: hash })).toBe(false);
    expect(
      verifyConsentRecord({ ...record, signedAt: new Date(record.signedAt.getTime() + 1), contentHash: hash }),
    ).toBe(false);
    expect(verifyConsentRecord({ ...record, informationSheetVersion: "0.2", contentHash: hash })).toBe(false);
  });

  it("does not depend on the order keys were written in", () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: "x" }] })).toBe(canonicalJson({ a: [{ c: "x", d: null }], b: 1 }));
  });
});

describe("the consent form's answers", () => {
  const statements = [
    { id: "11111111-1111-4111-8111-111111111111", position: 1, required: true },
    { id: "22222222-2222-4222-8222-222222222222", position: 2, required: false },
  ];
  const schema = consentAnswersSchema(statements);
  const [req, opt] = statements.map((s) => statementField(s.id)) as [string, string];

  it("needs every required statement agreed and a yes or no for optional ones", () => {
    expect(schema.safeParse({ [req]: "yes", [opt]: "no", signedName: "Ada" }).success).toBe(true);
    expect(schema.safeParse({ [req]: "no", [opt]: "no", signedName: "Ada" }).success).toBe(false);
    expect(schema.safeParse({ [req]: "yes", signedName: "Ada" }).success).toBe(false);
    expect(schema.safeParse({ [req]: "yes", [opt]: "maybe", signedName: "Ada" }).success).toBe(false);
  });

  it("takes a typed name as the signature, in any script", () => {
    for (const signedName of ["Siân O'Brien-Jones", "李小龍", "محمد"]) {
      expect(schema.safeParse({ [req]: "yes", [opt]: "yes", signedName }).success).toBe(true);
    }
    for (const signedName of ["", "   ", "12345", "x".repeat(201)]) {
      expect(schema.safeParse({ [req]: "yes", [opt]: "yes", signedName }).success).toBe(false);
    }
  });
});
