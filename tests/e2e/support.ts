import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Page } from "@playwright/test";

/**
 * The test object every end-to-end test uses: it fails a test when the page logs an error or throws,
 * and offers an accessibility check against WCAG 2.2 AA.
 */
export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      // The address is kept with the message: "404 (Not Found)" alone does not say what was missing.
      page.on(
        "console",
        (m) => m.type() === "error" && errors.push(m.location().url ? `${m.text()} (${m.location().url})` : m.text()),
      );
      page.on("pageerror", (e) => errors.push(e.message));
      await use(errors);
      expect(errors, "the browser logged errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export async function expectNoAccessibilityViolations(page: Page): Promise<void> {
  // After a client-side navigation (a server action's redirect) the new heading can be on screen a moment
  // before Next.js has put the new <title> in: wait for one, so axe judges the page and not the swap.
  // A page with no title still fails, here or in axe's document-title rule.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(summary, "axe found accessibility problems").toEqual([]);
}

export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, "the page is wider than the screen").toBeLessThanOrEqual(0);
}
