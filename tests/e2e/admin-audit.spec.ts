import { test } from "./admin-fixtures";
import { randomBytes } from "node:crypto";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { describeAuditAction } from "@/lib/audit/action-words";
import { signInAs } from "./researcher-session";
import { expect, expectNoAccessibilityViolations, expectNoHorizontalScroll } from "./support";
import { expectNoAccessibilityViolationsWithoutJavaScript } from "./consent-journey";

/** The audit log: reading, filtering, paging and verifying the chain. */

test("the audit log lists events newest first, filters them, and verifies the chain @phone", async ({
  page,
  context,
  portalDb,
  authSecret,
}) => {
  const researcher = await signInAs(context, portalDb, authSecret, { role: "RESEARCHER" });
  // Something this researcher did, so there is an event to find by its actor.
  await page.request.get("/admin/exports/consent-register.csv");
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audit log");
  await expectNoAccessibilityViolations(page);
  await expectNoHorizontalScroll(page);

  await page.getByLabel("What happened").selectOption({ value: "export.consent_register" });
  await page.getByLabel("Done by").selectOption({ label: "A researcher" });
  await page.getByRole("button", { name: "Show events" }).click();
  await expect(page).toHaveURL(/action=export.consent_register/);
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.nth(1)).toContainText(describeAuditAction("export.consent_register"));
  await expect(rows.nth(1)).toContainText(researcher.name);
  await expect(page.getByLabel("What happened")).toHaveValue("export.consent_register");
  await expectNoAccessibilityViolations(page);

  await page.getByRole("button", { name: "Verify the audit chain" }).click();
  await expect(page.getByText(/^The chain is intact: \d+ events? checked$/)).toBeVisible();
  await expectNoAccessibilityViolations(page);
  const verified = await portalDb.auditEvent.findFirstOrThrow({
    where: { action: "audit.verified", actorId: researcher.id },
  });
  expect(verified.data).toMatchObject({ intact: true });
});

test("a range of UK days that ends before it starts is pointed out", async ({
  page,
  context,
  portalDb,
  authSecret,
}) => {
  await signInAs(context, portalDb, authSecret, { role: "RESEARCHER" });
  await page.goto("/admin/audit?from=2026-07-02&to=2026-07-01");
  await expect(page.locator(".nhsuk-error-summary__list li")).toHaveText(["“To” must be the same as or after “From”"]);
  await expect(page.getByText("No events match these filters.")).toBeVisible();
  await expectNoAccessibilityViolations(page);
});

test("the audit log pages back and forth by keyset, keeping the filters", async ({
  page,
  context,
  portalDb,
  authSecret,
}) => {
  await signInAs(context, portalDb, authSecret, { role: "RESEARCHER" });
  // More than a page (50) of events of a kind of their own, appended to the real chain.
  const action = `e2e.paging_${randomBytes(4).toString("hex")}`;
  for (let i = 0; i < 55; i++)
    await portalDb.$transaction((tx) => recordAuditEvent(tx, { actorType: "SYSTEM", action, subjectType: "test" }));
  const ids = (
    await portalDb.auditEvent.findMany({ where: { action }, orderBy: { id: "desc" }, select: { id: true } })
  ).map((e) => e.id.toString());

  await page.goto(`/admin/audit?action=${action}`);
  const eventIds = () => page.getByRole("table").locator("tbody tr td:first-child .app-cell-content").allInnerTexts();
  expect(await eventIds()).toEqual(ids.slice(0, 50));
  await expect(page.getByRole("link", { name: /^Newer/ })).toHaveCount(0);
  await page.getByRole("link", { name: /^Older/ }).click();
  await expect(page).toHaveURL(new RegExp(`action=${action}&before=${ids[49]}`));
  expect(await eventIds()).toEqual(ids.slice(50));
  await expect(page.getByRole("link", { name: /^Older/ })).toHaveCount(0);
  await page.getByRole("link", { name: /^Newer/ }).click();
  await expect(page).toHaveURL(new RegExp(`action=${action}&after=${ids[50]}`));
  expect(await eventIds()).toEqual(ids.slice(0, 50));
  await expectNoAccessibilityViolations(page);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("filters and verification still work", async ({ page, context, portalDb, authSecret }) => {
    await signInAs(context, portalDb, authSecret, { role: "RESEARCHER" });
    await page.goto("/admin/audit");
    await page.getByLabel("Done by").selectOption({ label: "The portal" });
    await page.getByRole("button", { name: "Show events" }).click();
    await expect(page).toHaveURL(/actorType=SYSTEM/);
    await page.getByRole("button", { name: "Verify the audit chain" }).click();
    await expect(page.getByText(/^The chain is intact: \d+ events? checked$/)).toBeVisible();
    await expectNoAccessibilityViolationsWithoutJavaScript(page);
  });
});
