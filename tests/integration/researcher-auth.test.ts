import { createHash, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { findResearcherSession } from "@/lib/auth/researcher-session";
import { checkSecondFactor, pendingEnrolment, signInLinkUsable, signOutEverywhere } from "@/lib/auth/second-factor";
import { openSecret, sealSecret } from "@/lib/auth/secret-box";
import { currentTotpCode } from "@/lib/auth/totp";
import { testDb } from "./support/test-db";

const AUTH_SECRET = "integration-test-secret-of-at-least-32-characters";

async function researcherWithSession(
  options: {
    totpSecret?: string;
    lastActiveAt?: Date;
    expires?: Date;
    secondFactor?: boolean;
    disabled?: boolean;
  } = {},
) {
  const db = testDb();
  const researcher = await db.researcher.create({
    data: {
      email: `r.${randomUUID().slice(0, 8)}@imperial.ac.uk`,
      name: "R",
      ...(options.totpSecret
        ? { totpSecret: sealSecret(options.totpSecret, AUTH_SECRET), totpEnabledAt: new Date() }
        : {}),
      ...(options.disabled ? { disabledAt: new Date() } : {}),
    },
  });
  const sessionToken = randomUUID();
  const session = await db.researcherSession.create({
    data: {
      sessionToken,
      userId: researcher.id,
      expires: options.expires ?? new Date(Date.now() + 3_600_000),
      lastActiveAt: options.lastActiveAt ?? new Date(),
      secondFactorAt: options.secondFactor ? new Date() : null,
    },
  });
  return { researcher, session, sessionToken };
}

describe("researcher sessions", () => {
  it("are found by their cookie value and say whether the second factor was checked", async () => {
    const { researcher, sessionToken } = await researcherWithSession({ secondFactor: true });
    const found = await findResearcherSession(sessionToken);
    expect(found).toMatchObject({ researcher: { id: researcher.id, role: "RESEARCHER" }, secondFactorDone: true });
    expect(await findResearcherSession(randomUUID())).toBeNull();
    expect(await findResearcherSession(undefined)).toBeNull();
  });

  it("end after 30 minutes without activity, and are removed", async () => {
    const { session, sessionToken } = await researcherWithSession({ lastActiveAt: new Date(Date.now() - 31 * 60_000) });
    expect(await findResearcherSession(sessionToken)).toBeNull();
    expect(await testDb().researcherSession.findUnique({ where: { id: session.id } })).toBeNull();
  });

  it("end at their absolute expiry however active", async () => {
    const { sessionToken } = await researcherWithSession({ expires: new Date(Date.now() - 1000) });
    expect(await findResearcherSession(sessionToken)).toBeNull();
  });

  it("stop working when the researcher is disabled", async () => {
    const { sessionToken } = await researcherWithSession({ disabled: true });
    expect(await findResearcherSession(sessionToken)).toBeNull();
  });

  it("record activity, so an active researcher stays signed in", async () => {
    const { session, sessionToken } = await researcherWithSession({ lastActiveAt: new Date(Date.now() - 10 * 60_000) });
    await findResearcherSession(sessionToken);
    const touched = await testDb().researcherSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(Date.now() - touched.lastActiveAt.getTime()).toBeLessThan(5_000);
  });

  it("can all be ended at once: signing out everywhere", async () => {
    const { researcher, sessionToken } = await researcherWithSession({ secondFactor: true });
    await testDb().researcherSession.create({
      data: { sessionToken: randomUUID(), userId: researcher.id, expires: new Date(Date.now() + 3_600_000) },
    });
    expect(await signOutEverywhere(testDb(), { researcherId: researcher.id, actorId: researcher.id })).toBe(2);
    expect(await findResearcherSession(sessionToken)).toBeNull();
    expect((await testDb().auditEvent.findMany()).map((e) => e.action)).toEqual(["auth.signed_out_everywhere"]);
  });
});

describe("the second factor", () => {
  it("is set up from a secret kept encrypted, confirmed by a first code", async () => {
    const { researcher, session } = await researcherWithSession();
    const enrolment = await pendingEnrolment(testDb(), researcher.id, AUTH_SECRET);
    expect(enrolment?.uri).toMatch(/^otpauth:\/\/totp\//);
    expect(enrolment?.qrSvg).toContain("<svg");
    // Reloading the page shows the same QR code.
    expect((await pendingEnrolment(testDb(), researcher.id, AUTH_SECRET))?.secret).toBe(enrolment?.secret);
    const stored = await testDb().researcher.findUniqueOrThrow({ where: { id: researcher.id } });
    expect(stored.totpSecret).not.toContain(enrolment!.secret);
    expect(openSecret(stored.totpSecret!, AUTH_SECRET)).toBe(enrolment!.secret);
    expect(openSecret(stored.totpSecret!, "another-secret-of-at-least-32-characters!")).toBeNull();

    const result = await checkSecondFactor(testDb(), {
      researcherId: researcher.id,
      sessionId: session.id,
      code: currentTotpCode(enrolment!.secret),
      authSecret: AUTH_SECRET,
    });
    expect(result).toBe("accepted");
    expect(
      (await testDb().researcher.findUniqueOrThrow({ where: { id: researcher.id } })).totpEnabledAt,
    ).not.toBeNull();
    expect(
      (await testDb().researcherSession.findUniqueOrThrow({ where: { id: session.id } })).secondFactorAt,
    ).not.toBeNull();
  });

  it("refuses a wrong code, and a right code used a second time", async () => {
    const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    const { researcher, session } = await researcherWithSession({ totpSecret: secret });
    const input = { researcherId: researcher.id, sessionId: session.id, authSecret: AUTH_SECRET };
    expect(await checkSecondFactor(testDb(), { ...input, code: "000000" })).toBe("wrong-code");
    const code = currentTotpCode(secret);
    expect(await checkSecondFactor(testDb(), { ...input, code })).toBe("accepted");
    expect(await checkSecondFactor(testDb(), { ...input, code })).toBe("wrong-code");
    const actions = (await testDb().auditEvent.findMany({ orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["auth.second_factor_failed", "auth.second_factor_passed", "auth.second_factor_failed"]);
  });
});

describe("sign-in links", () => {
  it("can be checked for use without being used", async () => {
    const token = createHash("sha256").update(randomUUID()).digest("hex");
    const hashed = createHash("sha256").update(`${token}${AUTH_SECRET}`).digest("hex");
    await testDb().verificationToken.create({
      data: { identifier: "a@imperial.ac.uk", token: hashed, expires: new Date(Date.now() + 600_000) },
    });
    expect(await signInLinkUsable(testDb(), { email: "a@imperial.ac.uk", token, authSecret: AUTH_SECRET })).toBe(true);
    expect(await signInLinkUsable(testDb(), { email: "a@imperial.ac.uk", token, authSecret: AUTH_SECRET })).toBe(true);
    expect(await signInLinkUsable(testDb(), { email: "b@imperial.ac.uk", token, authSecret: AUTH_SECRET })).toBe(false);
    expect(
      await signInLinkUsable(
        testDb(),
        { email: "a@imperial.ac.uk", token, authSecret: AUTH_SECRET },
        new Date(Date.now() + 700_000),
      ),
    ).toBe(false);
    expect(
      await signInLinkUsable(testDb(), { email: "a@imperial.ac.uk", token: "not-hex", authSecret: AUTH_SECRET }),
    ).toBe(false);
    expect(await testDb().verificationToken.count()).toBe(1);
  });
});
