import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests in Debian's Chromium (Playwright cannot download its own browser here) against a
 * production build, started by the real launcher on its own port and a fresh embedded database.
 */
const root = path.resolve(import.meta.dirname, "..");
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  throw new Error(
    `Browser tests need Debian's Chromium at ${chromium}: apt-get install -y chromium (or set CHROMIUM_PATH).`,
  );
}

// E2E_PORT_BASE moves every port the run uses (web, database, mail catcher), so that two checkouts can
// run their end-to-end tests at the same time.
const portBase = Number(process.env.E2E_PORT_BASE ?? 3100);
const port = portBase;
export const mailCatcherWebPort = portBase + 3;
export const baseURL = `http://localhost:${port}`;
/** The portal's embedded database, fresh for every run; the consent tests' fixtures connect to it too. */
export const databaseDir = ".data/e2e-postgres";
export const databasePort = portBase + 1;

export default defineConfig({
  testDir: path.join(root, "tests", "e2e"),
  outputDir: path.join(root, "test-results", "e2e"),
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  // Generous: these machines are shared, and a test that fails because a neighbour is building is noise.
  // Speed is measured by `npm run bench`, not here.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    ["list"],
    ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ?? path.join(root, "test-results", "e2e.json") }],
  ],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      // As root Chromium needs --no-sandbox; the rest stop it calling Google's hosts on a closed network.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"] }, testIgnore: /study-builder\.spec\.ts$/ },
    {
      name: "phone",
      use: { ...devices["Pixel 7"], viewport: { width: 360, height: 780 } },
      grep: /@phone/,
      testIgnore: /study-builder\.spec\.ts$/,
    },
    // Opening a study with questions of its own changes the public journey for everyone (the study choice
    // comes first), so the study builder's journey runs alone, after every other test.
    {
      name: "study-builder",
      use: { ...devices["Desktop Chrome"] },
      testMatch: /study-builder\.spec\.ts$/,
      dependencies: ["desktop", "phone"],
    },
  ],
  webServer: {
    command: `rm -rf ${databaseDir} ${databaseDir}.* && npm run build && node --import tsx scripts/portal.ts start`,
    cwd: root,
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    // Let the launcher stop Next.js and PostgreSQL cleanly rather than being killed outright.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      EMBEDDED_DATABASE_DIR: databaseDir,
      EMBEDDED_DATABASE_PORT: String(databasePort),
      SEED_DEMO_RESEARCHER: "true",
      // Every test comes from one address; the limit itself is tested against PostgreSQL directly.
      REGISTRATION_RATE_LIMIT: "500",
      // Likewise for personal links; security-headers.spec.ts meets their limit from an address of its own.
      TOKEN_LINK_RATE_LIMIT: "100000",
      // The tests stand where a reverse proxy would: a test that needs an address of its own sends it in
      // X-Forwarded-For (the right-most entry counts). Without this setting the connection's address is
      // used, and a client cannot choose one: tests/system/client-address.test.ts checks both.
      TRUSTED_PROXY_HEADER: "x-forwarded-for",
      // One access line per request would bury the test report; warnings and errors still show.
      LOG_LEVEL: "warn",
      // Its own mail catcher, so the tests can run while `npm run dev` holds the default ports.
      MAIL_CATCHER_SMTP_PORT: String(portBase + 2),
      MAIL_CATCHER_WEB_PORT: String(mailCatcherWebPort),
    },
  },
});
