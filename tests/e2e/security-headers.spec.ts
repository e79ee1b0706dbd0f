import { randomInt } from "node:crypto";
import type { APIResponse } from "@playwright/test";
import type { Database } from "@/lib/db/prisma";
import { inviteParticipant } from "@/lib/participation/invite-participant";
import { CLIENT_ADDRESS_HEADER, clientKeyFromHeaders } from "@/lib/security/client-address";
import { test } from "./portal-db";
import { untilInteractive } from "./registration-journey";
import { signInAs } from "./researcher-session";
import { expect, expectNoAccessibilityViolations } from "./support";
import { aVolunteer, consentToInterview } from "./volunteer-fixtures";

/**
 * Every kind of response the portal gives carries the security headers, pages carry a CSP whose nonce is
 * fresh each time and is on every script of the page, personal data is never cached, and a script that
 * an attacker manages to put into a page does not run.
 */

type HeaderMap = Record<string, string>;

/** A fetched response's headers for a fulfilled one: its body is given decoded, so not how it was encoded. */
function replayable(headers: HeaderMap): HeaderMap {
  const { "content-encoding": _encoding, "content-length": _length, ...rest } = headers;
  return rest;
}

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );
}

/** The headers every response has, static files included. */
function expectBaseHeaders(headers: HeaderMap, what: string): void {
  expect(headers["strict-transport-security"], what).toBe("max-age=63072000; includeSubDomains");
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(headers["referrer-policy"], what).toBe("same-origin");
  const features = (headers["permissions-policy"] ?? "").split(", ");
  for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"])
    expect(features, what).toContain(`${feature}=()`);
}

/** The base headers and a strict CSP; returns the CSP's nonce. */
function expectPolicy(headers: HeaderMap, what: string): string {
  expectBaseHeaders(headers, what);
  const policy = directives(headers["content-security-policy"] ?? "");
  const scripts = policy.get("script-src") ?? [];
  const nonce = /^'nonce-([A-Za-z0-9+/]+=*)'$/.exec(scripts.find((s) => s.startsWith("'nonce-")) ?? "")?.[1];
  expect(nonce, `${what}: a nonce in script-src`).toBeTruthy();
  expect(scripts, what).toContain("'strict-dynamic'");
  expect(scripts, what).not.toContain("'unsafe-inline'");
  expect(scripts, what).not.toContain("'unsafe-eval'");
  expect(policy.get("style-src"), what).not.toContain("'unsafe-inline'");
  expect(policy.get("default-src"), what).toEqual(["'self'"]);
  expect(policy.get("object-src"), what).toEqual(["'none'"]);
  expect(policy.get("base-uri"), what).toEqual(["'self'"]);
  expect(policy.get("form-action"), what).toEqual(["'self'"]);
  expect(policy.get("frame-ancestors"), what).toEqual(["'none'"]);
  return nonce!;
}

function expectNoStore(headers: HeaderMap, what: string): void {
  expect((headers["cache-control"] ?? "").split(/,\s*/), `${what}: Cache-Control`).toContain("no-store");
}

/** A page: the headers, and every script and style element of its HTML carrying this response's nonce. */
async function expectPage(
  response: APIResponse,
  what: string,
  { status = 200, personal }: { status?: number; personal: boolean },
): Promise<string> {
  expect(response.status(), what).toBe(status);
  const headers = response.headers();
  expect(headers["content-type"], what).toMatch(/^text\/html/);
  const nonce = expectPolicy(headers, what);
  if (personal) expectNoStore(headers, what);
  const html = await response.text();
  const tags = html.match(/<(script|style)\b[^>]*>/g) ?? [];
  expect(tags.length, `${what}: has scripts or styles to check`).toBeGreaterThan(0);
  for (const tag of tags) expect(tag, what).toContain(`nonce="${nonce}"`);
  expect(html, `${what}: no style attributes, which the policy would refuse`).not.toMatch(/<[a-z][^>]*\sstyle="/i);
  return nonce;
}

async function aManageLink(db: Database, participationId: string): Promise<string> {
  const email = await db.outgoingEmail.findFirstOrThrow({
    where: { participationId, textBody: { contains: "/manage/" } },
    orderBy: { createdAt: "desc" },
  });
  return /\/manage\/[A-Za-z0-9_-]{43}/.exec(email.textBody)![0];
}

async function aConsentLink(db: Database, participationId: string): Promise<string> {
  await inviteParticipant(db, { participationId, actor: { type: "SYSTEM" } });
  const email = await db.outgoingEmail.findFirstOrThrow({
    where: { participationId, template: "invitation" },
    orderBy: { createdAt: "desc" },
  });
  return /\/consent\/[A-Za-z0-9_-]{43}/.exec(email.textBody)![0];
}

test("public pages: a fresh nonce on each response, on every script of the page", async ({ request }) => {
  const first = await expectPage(await request.get("/"), "the landing page", { personal: false });
  const second = await expectPage(await request.get("/"), "the landing page again", { personal: false });
  expect(second).not.toBe(first);
  await expectPage(await request.get("/privacy"), "the privacy notice", { personal: false });
  await expectPage(await request.get("/studies/interview-study/information-sheet"), "an information sheet", {
    personal: false,
  });
  // Prerendered before every page was made dynamic: a prerendered page has no nonce on its scripts.
  await expectPage(await request.get("/sign-in/check-email"), "the sign-in check-email page", { personal: true });
  await expectPage(await request.get("/sign-in/error"), "the sign-in error page", { personal: true });
});

test("a registration step, the sign-in page and the 404 page", async ({ page }) => {
  await page.goto("/register");
  await untilInteractive(page);
  await page.getByRole("button", { name: "Start now" }).click();
  await expect(page).toHaveURL(/\/register\/about-you$/);
  await expectPage(await page.request.get("/register/about-you"), "a registration step", { personal: true });
  await expectPage(await page.request.get("/register"), "the registration start page", { personal: true });
  await expectPage(await page.request.get("/sign-in"), "the sign-in page", { personal: true });
  await expectPage(await page.request.get("/no-such-page"), "the 404 page", { status: 404, personal: false });
});

test("a participant's consent page, manage page and signed-form download", async ({ request, portalDb }) => {
  const volunteer = await aVolunteer(portalDb);
  const recordId = await consentToInterview(portalDb, volunteer);
  const consentLink = await aConsentLink(portalDb, volunteer.workshopsId);
  const manageLink = await aManageLink(portalDb, volunteer.interviewId);

  await expectPage(await request.get(consentLink), "a consent page", { personal: true });
  await expectPage(await request.get(`${consentLink}/decline`), "the decline page", { personal: true });
  await expectPage(await request.get(manageLink), "a manage page", { personal: true });
  await expectPage(await request.get(`${manageLink}/withdraw?from=all`), "the withdraw page", { personal: true });

  const pdf = await request.get(`${manageLink}/consent-records/${recordId}`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expectPolicy(pdf.headers(), "a signed consent form download");
  expectNoStore(pdf.headers(), "a signed consent form download");
});

test("the dashboard: a page, a CSV export, a signed form and a subject access export", async ({
  page,
  context,
  portalDb,
  authSecret,
}) => {
  await signInAs(context, portalDb, authSecret, { role: "ADMIN" });
  const volunteer = await aVolunteer(portalDb);
  const recordId = await consentToInterview(portalDb, volunteer);

  await expectPage(await page.request.get("/admin"), "the dashboard's overview", { personal: true });
  await expectPage(await page.request.get(`/admin/volunteers/${volunteer.volunteerId}`), "a volunteer's page", {
    personal: true,
  });
  for (const [url, type] of [
    ["/admin/exports/volunteers.csv", "text/csv; charset=utf-8"],
    ["/admin/exports/consent-register.csv", "text/csv; charset=utf-8"],
    [`/admin/volunteers/${volunteer.volunteerId}/consent-records/${recordId}`, "application/pdf"],
    [`/admin/volunteers/${volunteer.volunteerId}/export`, "application/json"],
  ] as const) {
    const response = await page.request.get(url);
    expect(response.status(), url).toBe(200);
    expect(response.headers()["content-type"], url).toContain(type);
    expectPolicy(response.headers(), url);
    expectNoStore(response.headers(), url);
  }
});

test("static files have every header but the CSP, which they do not need", async ({ request }) => {
  const html = await (await request.get("/")).text();
  const stylesheet = /href="(\/_next\/static\/[^"]+\.css)"/.exec(html)?.[1];
  const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(stylesheet && script, "the landing page links its CSS and scripts").toBeTruthy();
  for (const url of [stylesheet!, script!, "/favicon.ico", "/icon.svg", "/assets/images/nhsuk-icon-cross.svg"]) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    expectBaseHeaders(response.headers(), url);
  }
});

test("the proxy's own refusal page has the headers, and styles itself with the nonce", async ({ request }) => {
  const response = await request.post("/register", {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: `fullName=${"x".repeat(300 * 1024)}`,
  });
  const nonce = await expectPage(response, "the proxy's 413 page", { status: 413, personal: true });
  expect(await response.text()).toContain(`<style nonce="${nonce}">`);
});

test("a script or style put into a page without the nonce is refused by the browser, and the page still works", async ({
  page,
  pageErrors,
}) => {
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
  // As stored or reflected cross-site scripting would: markup in the HTML the server sends.
  await page.route("**/register", async (route) => {
    if (route.request().method() !== "GET") return route.continue();
    const response = await route.fetch();
    const html = (await response.text()).replace(
      "</body>",
      `<script>window.injectedScriptRan = true</script><p id="injected" style="display:none">injected</p><button id="injected-button" onclick="window.handlerRan = true">injected</button></body>`,
    );
    await route.fulfill({ response, headers: replayable(response.headers()), body: html });
  });
  await page.goto("/register");
  await untilInteractive(page);
  expect(
    await page.evaluate(() => (window as unknown as { injectedScriptRan?: boolean }).injectedScriptRan),
  ).toBeUndefined();
  await expect(page.locator("#injected"), "the injected style attribute was ignored").toBeVisible();
  // An inline event handler, the other common way in.
  await page.locator("#injected-button").click();
  expect(await page.evaluate(() => (window as unknown as { handlerRan?: boolean }).handlerRan)).toBeUndefined();
  const violations = await page.evaluate(() => (window as unknown as { violations: string[] }).violations);
  expect(violations).toEqual(["script-src-elem inline", "style-src-attr inline", "script-src-attr inline"]);
  // Chromium reports each refusal on the console; these three are this test's point.
  expect(pageErrors.filter((e) => /Content Security Policy/.test(e))).toHaveLength(3);
  pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !/Content Security Policy/.test(e)));

  // The page's own scripts, which carry the nonce, run: the journey works.
  await page.getByRole("button", { name: "Start now" }).click();
  await expect(page).toHaveURL(/\/register\/about-you$/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("forms work with Referrer-Policy same-origin; no-referrer would break them (docs/decisions/005)", async ({
    page,
    pageErrors,
  }) => {
    const origins: (string | undefined)[] = [];
    page.on("request", (r) => r.method() === "POST" && origins.push(r.headers()["origin"]));

    await page.goto("/register");
    await page.getByRole("button", { name: "Start now" }).click();
    await expect(page).toHaveURL(/\/register\/about-you$/);
    expect(origins.at(-1)).toMatch(/^http:\/\/localhost:\d+$/);

    // The same form served under no-referrer: the browser sends "Origin: null" (the Fetch standard says
    // so) and Next.js refuses a server action whose origin it cannot check.
    await page.context().clearCookies();
    await page.route("**/register", async (route) => {
      if (route.request().method() !== "GET") return route.continue();
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...replayable(response.headers()), "referrer-policy": "no-referrer" },
      });
    });
    await page.goto("/register");
    const refused = page.waitForResponse((r) => r.request().method() === "POST");
    await page.getByRole("button", { name: "Start now" }).click();
    expect((await refused).status()).toBe(500);
    expect(origins.at(-1)).toBe("null");
    pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !/status of 500/.test(e)));
  });
});

test.describe("rate limits on personal links", () => {
  // An address of this test's own: the rest of the suite shares the test machine's.
  const address = `203.0.113.${randomInt(1, 255)}`;
  test.use({ extraHTTPHeaders: { "x-forwarded-for": address } });

  test("a client that has opened too many links sees how long to wait, with 429 and Retry-After", async ({
    page,
    request,
    portalDb,
    pageErrors,
  }) => {
    const volunteer = await aVolunteer(portalDb);
    const consentLink = await aConsentLink(portalDb, volunteer.interviewId);
    // As if this address had already opened its limit's worth of links.
    const key = `token-link:${clientKeyFromHeaders(new Headers({ [CLIENT_ADDRESS_HEADER]: address }))}`;
    await portalDb.rateLimit.upsert({
      where: { key },
      create: { key, points: 1_000_000, expire: BigInt(Date.now() + 600_000) },
      update: { points: 1_000_000, expire: BigInt(Date.now() + 600_000) },
    });

    const response = await page.goto(consentLink);
    expect(response?.status()).toBe(429);
    const retryAfter = Number(response?.headers()["retry-after"]);
    expect(retryAfter).toBeGreaterThan(500);
    expect(retryAfter).toBeLessThanOrEqual(600);
    pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !/status of 429/.test(e)));
    await expect(page).toHaveURL(new RegExp(`${consentLink}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Please try again in 10 minutes");
    await expect(page.getByRole("main")).toContainText(
      "Your link still works. Come back in 10 minutes and open it again.",
    );
    await expectNoAccessibilityViolations(page);
    await expectPage(await request.get(consentLink), "the try-again page", { status: 429, personal: true });

    // A form posted without JavaScript goes back to the link (and so to this page); one posted by script
    // is told where to go in the header Next.js's client follows.
    const plainPost = await request.post(consentLink, { form: { step: "check" }, maxRedirects: 0 });
    expect(plainPost.status()).toBe(303);
    expect(new URL(plainPost.headers()["location"]!, "http://x").pathname).toBe(consentLink);
    expect(Number(plainPost.headers()["retry-after"])).toBeGreaterThan(500);
    const scriptPost = await request.post(consentLink, {
      headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8" },
      data: "[]",
    });
    expect(scriptPost.status()).toBe(429);
    expect(scriptPost.headers()["x-action-redirect"]).toBe(`${consentLink};replace`);

    // Other pages are not limited, and once the window has passed the link works again.
    expect((await request.get("/")).status()).toBe(200);
    await portalDb.rateLimit.delete({ where: { key } });
    expect((await request.get(consentLink)).status()).toBe(200);
  });
});
