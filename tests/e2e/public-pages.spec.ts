import { expect, expectNoAccessibilityViolations, expectNoHorizontalScroll, test } from "./support";

const pages = [
  { path: "/", heading: /bi-directional learning/i },
  { path: "/privacy", heading: /privacy notice/i },
  { path: "/accessibility", heading: /accessibility statement/i },
];

for (const { path, heading } of pages) {
  test(`${path} has one clear heading and no accessibility violations @phone`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expect(page.getByRole("main")).toBeVisible();
    await expectNoAccessibilityViolations(page);
    await expectNoHorizontalScroll(page);
  });
}

test("the landing page presents both studies of the call from the database", async ({ page }) => {
  await page.goto("/");
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { name: /interview/i }).first()).toBeVisible();
  await expect(main.getByRole("heading", { name: /workshop/i }).first()).toBeVisible();
  await expect(main).toContainText("20IC6786");
  await expect(main).toContainText("Imperial College Research Ethics Committee");
  await expect(main).toContainText(/12 to 15|12-15|12–15/);
  await expect(main).toContainText(/30 to 35 minutes|30-35 minute|30–35 minute/);
  await expect(main).toContainText(/withdraw at any time/i);
  await expect(main).toContainText("mark.skopec17@imperial.ac.uk");
  const register = main.getByRole("link", { name: /register your interest/i }).first();
  await expect(register).toHaveAttribute("href", "/register");
});

test("the landing page reads well on a 360 px wide phone @phone", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto("/");
  await expectNoHorizontalScroll(page);
  await page.screenshot({ path: testInfo.outputPath("landing-360.png"), fullPage: true });
});

test("the skip link is the first thing the keyboard reaches and jumps to the content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: /skip to main content/i });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#maincontent$/);
});

test("the footer links to the privacy notice and the accessibility statement", async ({ page }) => {
  await page.goto("/");
  const footer = page.getByRole("contentinfo");
  await footer.getByRole("link", { name: /privacy/i }).click();
  await expect(page).toHaveURL(/\/privacy$/);
  await page
    .getByRole("contentinfo")
    .getByRole("link", { name: /accessibility/i })
    .click();
  await expect(page).toHaveURL(/\/accessibility$/);
});

test("an unknown address shows a helpful page not found, with status 404", async ({ page, pageErrors }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  // Chromium logs the 404 of the page itself as a console error; that one is expected here.
  const expected = pageErrors.filter((e) => /status of 404/.test(e));
  expect(expected.length).toBeLessThanOrEqual(1);
  pageErrors.splice(0, pageErrors.length, ...pageErrors.filter((e) => !expected.includes(e)));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/page not found/i);
  await expectNoAccessibilityViolations(page);
});

test("the privacy notice shows the version that registration will record", async ({ page }) => {
  await page.goto("/privacy");
  await expect(page.getByRole("main")).toContainText(/version 1\.0/i);
});
