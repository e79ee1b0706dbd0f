/**
 * `npm run check:dependencies` (run by .ci/run before the tests): the production dependencies, checked
 * two ways.
 * 1. `npm ls --omit=dev --all`: every production dependency is installed and satisfies the range declared
 *    for it (no missing, invalid or extraneous package); needs nothing but node_modules.
 * 2. `npm audit --omit=dev --audit-level=high`: known vulnerabilities, high or critical, fail; the audit
 *    endpoint not answering gives one warning line instead (scripts/audit-verdict.ts says why).
 * Prints a line or two and exits non-zero when CI should stop. Development tools are left out on purpose:
 * they never run on a server and never see personal data.
 */
import { spawnSync } from "node:child_process";
import { auditVerdict, describeVerdict } from "./audit-verdict";

function npm(args: string[]) {
  const result = spawnSync("npm", args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status ?? 1, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
}

const tree = npm(["ls", "--omit=dev", "--all"]);
if (tree.code !== 0) {
  const problems = `${tree.stderr}\n${tree.stdout}`
    .split("\n")
    .filter((line) => /ERR|missing|invalid|extraneous|UNMET/.test(line))
    .slice(0, 20);
  process.stdout.write(
    `npm ls: the production dependencies are not installed as package.json and package-lock.json declare:\n${problems.join("\n")}\n`,
  );
  process.exit(1);
}
process.stdout.write("npm ls: every production dependency is installed and satisfies its declared range.\n");

const audit = npm(["audit", "--omit=dev", "--audit-level=high", "--json"]);
const { lines, ok } = describeVerdict(auditVerdict(audit.stdout, audit.code));
process.stdout.write(`${lines.join("\n")}\n`);
process.exit(ok ? 0 : 1);
