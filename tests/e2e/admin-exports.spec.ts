import { readFile } from "node:fs/promises";
import { registerElsewhere } from "./consent-journey";
import { aPerson, uniqueEmail } from "./registration-journey";
import { signInAs } from "./researcher-session";
import { expect, expectNoAccessibilityViolations, expectNoHorizontalScroll } from "./support";
import { csvRecords } from "../support/parse-csv";
import { aTestStudy, consentedIn, test } from "./admin-fixtures";

/** The two CSV exports: downloaded as a researcher would, and read as a spreadsheet would. */

const today = () =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());

test("the exports page explains the files and is accessible @phone", async ({
  page,
  context,
  portalDb,
  authSecret,
}) => {
  await signInAs(context, portalDb, authSecret, { role: "RESEARCHER" });
  await page.goto("/admin/exports");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Exports");
  await expectNoAccessibilityViolations(page);
  await expectNoHorizontalScroll(page);
});

test("the volunteer list downloads as UTF-8 CSV with a BOM, a row per volunteer, and a formula neutralised", async ({
  page,
  browser,
  context,
  portalDb,
  authSecret,
}) => {
  test.setTimeout(90_000);
  const person = aPerson({ fullName: '=HYPERLINK("x")', email: uniqueEmail("formula"), jobTitle: "Siân's ward" });
  await registerElsewhere(browser, person);
  await signInAs(context, portalDb, authSecret, { role: "RESEARCHER" });
  await page.goto("/admin/exports");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download the volunteer list (CSV)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`volunteers-${today()}.csv`);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = csvRecords(bytes.subarray(3).toString("utf8"));
  const row = rows.find((r) => r.Email === person.email);
  expect(row).toBeDefined();
  expect(row!["Full name"]).toBe(`'=HYPERLINK("x")`);
  expect(row!["Job title"]).toBe("Siân's ward");
  expect(rows.some((r) => (r["Full name"] ?? "").startsWith("="))).toBe(false);

  const response = await page.request.get("/admin/exports/volunteers.csv");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(response.headers()["content-disposition"]).toBe(`attachment; filename="volunteers-${today()}.csv"`);
  expect(response.headers()["cache-control"]).toContain("no-store");
  const events = await portalDb.auditEvent.findMany({ where: { action: "export.volunteers" } });
  expect(events.length).toBeGreaterThanOrEqual(2);
});

test("the consent register downloads with a row per consent record, its versions, answers, times and hash", async ({
  page,
  context,
  portalDb,
  authSecret,
}) => {
  const study = await aTestStudy(portalDb);
  const [signed] = await consentedIn(portalDb, study, 1);
  const researcher = await signInAs(context, portalDb, authSecret, { role: "RESEARCHER" });
  const response = await page.request.get("/admin/exports/consent-register.csv");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(response.headers()["content-disposition"]).toBe(`attachment; filename="consent-register-${today()}.csv"`);
  expect(response.headers()["cache-control"]).toContain("no-store");
  const body = await response.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = csvRecords(body.subarray(3).toString("utf8"));
  const record = await portalDb.consentRecord.findFirstOrThrow({ where: { participation: { studyId: study.id } } });
  const row = rows.find((r) => r["Record ID"] === record.id);
  expect(row).toMatchObject({
    "Full name": signed!.fullName,
    Email: signed!.email,
    Study: study.title,
    "Consent form version": "1.0",
    "Information sheet version": "1.0",
    "Optional statement: quotes": "Yes",
    "Signed name": signed!.fullName,
    "Signed (ISO 8601)": record.signedAt.toISOString(),
    "SHA-256 hash": record.contentHash,
  });
  const event = await portalDb.auditEvent.findFirstOrThrow({
    where: { action: "export.consent_register", actorId: researcher.id },
  });
  expect((event.data as { rowCount: number }).rowCount).toBeGreaterThanOrEqual(1);
});

test("the exports refuse a visitor without a session (401), or whose second factor is not done", async ({
  browser,
  playwright,
  portalDb,
  authSecret,
}) => {
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  for (const path of ["/admin/exports/consent-register.csv", "/admin/exports/volunteers.csv"]) {
    const response = await anonymous.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(401);
    expect(response.headers()["cache-control"]).toContain("no-store");
    expect(await response.text()).not.toContain(",");
  }
  // A cookie that is not a session (a participant's link token, say) is no better.
  const forged = await playwright.request.newContext({
    baseURL: test.info().project.use.baseURL,
    extraHTTPHeaders: { cookie: `authjs.session-token=${"A".repeat(43)}` },
  });
  expect((await forged.get("/admin/exports/volunteers.csv")).status()).toBe(401);
  const halfway = await browser.newContext();
  await signInAs(halfway, portalDb, authSecret, { role: "ADMIN", secondFactorDone: false });
  expect((await halfway.request.get("/admin/exports/volunteers.csv")).status()).toBe(401);
  await Promise.all([anonymous.dispose(), forged.dispose(), halfway.close()]);
});
