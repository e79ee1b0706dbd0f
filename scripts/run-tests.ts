/**
 * `npm test`: every check and every test runner, in order, then one line of totals over all runners:
 * "N passed, N failed" (", N skipped" when any were skipped). Later steps still run when an earlier one
 * fails, so one run shows everything that is wrong. A failed typecheck or lint counts as one failure in
 * the totals, so the last line can never read "0 failed" while something failed.
 */
import { spawn } from "node:child_process";
import { mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";

type Counts = { passed: number; failed: number; skipped: number };
type Step = { name: string; command: string[]; results?: string; parse?: (json: unknown) => Counts };

const resultsDir = path.resolve("test-results", "summary");

function vitestCounts(json: unknown): Counts {
  const r = json as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
}

function playwrightCounts(json: unknown): Counts {
  const s = (json as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }).stats;
  // A test that passed only on retry is not a pass (and retries are off): count it as failed.
  return { passed: s.expected, failed: s.unexpected + s.flaky, skipped: s.skipped };
}

const steps: Step[] = [
  { name: "typecheck", command: ["npm", "run", "--silent", "typecheck"] },
  { name: "lint", command: ["npm", "run", "--silent", "lint"] },
  { name: "format (prettier --check)", command: ["npm", "run", "--silent", "format:check"] },
  {
    name: "unit tests (vitest)",
    command: [
      "npx",
      "vitest",
      "run",
      "--config",
      "tests/vitest.unit.config.ts",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${resultsDir}/unit.json`,
    ],
    results: "unit.json",
    parse: vitestCounts,
  },
  {
    name: "integration tests (vitest, real PostgreSQL)",
    command: [
      "npx",
      "vitest",
      "run",
      "--config",
      "tests/vitest.integration.config.ts",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${resultsDir}/integration.json`,
    ],
    results: "integration.json",
    parse: vitestCounts,
  },
  {
    name: "end-to-end tests (Playwright, Chromium)",
    command: ["npx", "playwright", "test", "--config", "tests/playwright.config.ts"],
    results: "e2e.json",
    parse: playwrightCounts,
  },
  {
    // After the end-to-end step, which leaves the production build these tests' app instances run.
    name: "system tests (vitest, real processes)",
    command: [
      "npx",
      "vitest",
      "run",
      "--config",
      "tests/vitest.system.config.ts",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${resultsDir}/system.json`,
    ],
    results: "system.json",
    parse: vitestCounts,
  },
];

function run(command: string[]): Promise<number> {
  return new Promise((resolve) => {
    const [program, ...args] = command as [string, ...string[]];
    const child = spawn(program, args, {
      stdio: "inherit",
      env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_FILE: path.join(resultsDir, "e2e.json") },
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on("error", () => resolve(1));
  });
}

async function main(): Promise<void> {
  await rm(resultsDir, { recursive: true, force: true });
  await mkdir(resultsDir, { recursive: true });
  const summary: string[] = [];
  const total: Counts = { passed: 0, failed: 0, skipped: 0 };

  for (const step of steps) {
    process.stdout.write(`\n=== ${step.name} ===\n`);
    const code = await run(step.command);
    if (!step.results || !step.parse) {
      summary.push(`${step.name}: ${code === 0 ? "passed" : "FAILED"}`);
      if (code !== 0) total.failed += 1;
      continue;
    }
    let counts: Counts;
    try {
      counts = step.parse(JSON.parse(await readFile(path.join(resultsDir, step.results), "utf8")));
    } catch {
      // The runner died before writing results (e.g. a crash in setup): that is a failure, not zero tests.
      counts = { passed: 0, failed: 1, skipped: 0 };
    }
    // A runner that exits with an error, or runs nothing at all, has failed whatever its counts say.
    if ((code !== 0 || counts.passed + counts.failed === 0) && counts.failed === 0) counts.failed = 1;
    summary.push(
      `${step.name}: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ""}`,
    );
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
  }

  process.stdout.write(`\n=== summary ===\n${summary.join("\n")}\n`);
  process.stdout.write(
    `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}\n`,
  );
  process.exit(total.failed === 0 ? 0 : 1);
}

void main();
