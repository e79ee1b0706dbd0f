import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sealSecret } from "@/lib/auth/secret-box";
import { newTotpSecret } from "@/lib/auth/totp";
import {
  aDraftReadyToSubmit,
  answersFor,
  hiddenFieldsOfForm,
  inviteToInterviewStudy,
  isRegistered,
  postForm,
  registrationFormFields,
  signingFields,
  submitRegistration,
  submitSignature,
} from "./support/journeys";
import { startSystem, type AppInstance, type System } from "./support/system";

/**
 * One person's whole journey through a real app process, with a name and an address found nowhere else,
 * then every line the process wrote is searched for them and for every token the journey used.
 */
let system: System;
let app: AppInstance;

beforeAll(async () => {
  system = await startSystem();
  app = await system.startApp({ echo: process.env.SYSTEM_ECHO === "1" });
});

afterAll(async () => {
  await system?.stop();
});

type JsonLine = {
  level?: string;
  msg?: string;
  requestId?: string;
  source?: string;
  time?: string;
  [key: string]: unknown;
};

function parse(text: string): JsonLine | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonLine) : null;
  } catch {
    return null;
  }
}

describe("the app's logs", () => {
  it("carry no name, email address or token of the person, and every line written for a request has its request id", async () => {
    const suffix = randomBytes(3).toString("hex");
    const person = { fullName: `Philippa Quennell-Ashdown ${suffix}`, email: `philippa.quennell.${suffix}@nhs.net` };
    const requestIds: string[] = [];
    const get = async (path: string, cookie?: string) => {
      const response = await fetch(`${app.url}${path}`, { redirect: "manual", headers: cookie ? { cookie } : {} });
      requestIds.push(response.headers.get("x-request-id") ?? "missing");
      return { status: response.status, body: await response.text(), location: response.headers.get("location") };
    };
    const post = async (path: string, fields: [string, string][], cookie?: string) => {
      const response = await postForm(`${app.url}${path}`, fields, cookie);
      requestIds.push(response.headers.get("x-request-id") ?? "missing");
      await response.arrayBuffer();
      return { status: response.status, location: response.headers.get("location") };
    };
    const journeyStarted = new Date().toISOString();

    // Registers (the final submit of a journey whose steps are saved), and sees the confirmation.
    const draft = await aDraftReadyToSubmit(system.db, answersFor(person));
    const cookie = `registration=${draft}`;
    const check = await get("/register/check-answers", cookie);
    expect(check.body).toContain(person.fullName);
    const submitted = await submitRegistration(app.url, draft, await registrationFormFields(app.url, draft));
    requestIds.push(submitted.headers.get("x-request-id") ?? "missing");
    expect(isRegistered(submitted)).toBe(true);
    expect((await get("/register/confirmation", cookie)).status).toBe(200);

    // Is invited, opens the consent page from the email, reviews the answers, signs.
    const { volunteerId, consentToken } = await inviteToInterviewStudy(system.db, person.email);
    const consentPage = await get(`/consent/${consentToken}`);
    expect(consentPage.body).toContain(person.fullName);
    const fields = await signingFields(system.db, app.url, consentToken, person.fullName);
    const reviewed = await post(
      `/consent/${consentToken}`,
      fields.map(([k, v]) => [k, k === "step" ? "review" : v]),
    );
    expect(reviewed.status).toBe(200);
    const signed = await submitSignature(app.url, consentToken, fields);
    requestIds.push(signed.headers.get("x-request-id") ?? "missing");
    expect(signed.status).toBe(303);
    const managePath = new URL(signed.headers.get("location")!, app.url).pathname;
    const manageToken = managePath.split("/").at(-1)!;
    const manage = await get(`${managePath}?signed=1`);
    expect(manage.status).toBe(200);
    // The spent link, opened again (as an email scanner would).
    expect((await get(`/consent/${consentToken}`)).status).toBe(200);
    // A link that does not work, and a token-shaped address that is not a page.
    expect((await get(`/manage/${randomBytes(32).toString("base64url")}`)).status).toBe(200);
    expect((await get(`/consent/${consentToken}/no-such-page`)).status).toBe(404);

    // A researcher opens the volunteer's page in the dashboard.
    const researcher = await system.db.researcher.create({
      data: {
        email: `researcher.${suffix}@imperial.ac.uk`,
        name: "Test Researcher",
        role: "RESEARCHER",
        totpSecret: sealSecret(newTotpSecret(), system.authSecret),
        totpEnabledAt: new Date(),
      },
    });
    const sessionToken = randomUUID();
    await system.db.researcherSession.create({
      data: {
        sessionToken,
        userId: researcher.id,
        expires: new Date(Date.now() + 3_600_000),
        secondFactorAt: new Date(),
      },
    });
    const dashboard = await get(`/admin/volunteers/${volunteerId}`, `authjs.session-token=${sessionToken}`);
    expect(dashboard.status).toBe(200);
    expect(dashboard.body).toContain(person.fullName);
    // The researcher searches the volunteers list for the person by email address.
    const search = await get(
      `/admin/volunteers?q=${encodeURIComponent(person.email)}`,
      `authjs.session-token=${sessionToken}`,
    );
    expect(search.body).toContain(person.fullName);
    // Sign-in requested with the researcher's address (its own form, without JavaScript).
    const signInPage = await get("/sign-in");
    const signIn = await post("/sign-in", [
      ...hiddenFieldsOfForm(signInPage.body, 'name="email"'),
      ["email", researcher.email],
    ]);
    expect(signIn.status).toBeLessThan(500);

    // The emails are sent by the app's worker (to its mail catcher): that is logged too.
    await expect
      .poll(() => system.db.outgoingEmail.count({ where: { volunteerId, status: "SENT" } }), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(3);
    await app.stop();

    const secrets = [
      person.email,
      person.email.split("@")[0]!,
      person.fullName,
      "Quennell",
      researcher.email,
      consentToken,
      manageToken,
      draft,
      sessionToken,
    ];
    for (const line of app.lines) {
      for (const secret of secrets) {
        expect(line.text.toLowerCase(), `a log line contains ${secret}`).not.toContain(secret.toLowerCase());
      }
    }

    // Everything the web server wrote is JSON; only the launcher's own start-up lines and banner are text.
    const listening = app.lines.findIndex((l) => parse(l.text)?.msg === "the web server is listening");
    expect(listening).toBeGreaterThan(-1);
    const afterStart = app.lines.slice(listening);
    expect(afterStart.filter((l) => l.stream === "stderr").map((l) => l.text)).toEqual([]);
    expect(afterStart.filter((l) => parse(l.text) === null && !/^(| {2}.*)$/.test(l.text)).map((l) => l.text)).toEqual(
      [],
    );

    // One access line per request, with the id sent back in x-request-id; every line written while
    // handling a request carries that request's id.
    const json = afterStart
      .map((l) => parse(l.text))
      .filter((l): l is JsonLine => l !== null && (l.time ?? "") >= journeyStarted);
    const access = json.filter((l) => l.msg === "request");
    for (const id of requestIds) {
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(
        access.filter((l) => l.requestId === id),
        `one access line for request ${id}`,
      ).toHaveLength(1);
    }
    for (const line of access)
      expect(line).toMatchObject({
        method: expect.any(String),
        path: expect.any(String),
        status: expect.any(Number),
        durationMs: expect.any(Number),
      });
    const paths = access.map((l) => l.path as string);
    expect(paths.some((p) => p.startsWith("/consent/[token]"))).toBe(true);
    expect(paths.some((p) => p.startsWith("/manage/[token]"))).toBe(true);
    // Background work says so, and is not mistaken for the request that woke it.
    const sent = json.filter((l) => l.msg === "email sent");
    expect(sent.length).toBeGreaterThanOrEqual(3);
    for (const line of sent) expect([line.job, line.requestId]).toEqual(["outbox", undefined]);
    // Lines from console.* (Next.js, React, libraries) during the journey belong to a request.
    const consoleLines = json.filter((l) => l.source === "console");
    for (const line of consoleLines)
      expect(line.requestId, `console line without a request id: ${line.msg}`).toMatch(/^[0-9a-f-]{36}$/);
  });
});
