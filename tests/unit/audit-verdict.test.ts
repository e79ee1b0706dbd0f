import { describe, expect, it } from "vitest";
import { auditVerdict, describeVerdict } from "../../scripts/audit-verdict";

/** What `npm audit --json` (npm 11) prints in each situation CI meets. */
const endpointRefused = JSON.stringify(
  {
    message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
    method: "POST",
    uri: "https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
    headers: { allow: ["GET,HEAD"] },
    statusCode: 405,
    body: "",
    error: { summary: "", detail: "" },
  },
  null,
  2,
);

const offline = JSON.stringify({
  error: {
    code: "ENOTFOUND",
    summary:
      "request to https://registry.npmjs.org/-/npm/v1/security/advisories/bulk failed, reason: getaddrinfo ENOTFOUND registry.npmjs.org",
    detail: "",
  },
});

function report(vulnerabilities: Record<string, { severity: string; fixAvailable: unknown }>) {
  const counts = { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0 };
  for (const v of Object.values(vulnerabilities)) {
    counts[v.severity as keyof typeof counts] += 1;
    counts.total += 1;
  }
  return JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities: Object.fromEntries(
      Object.entries(vulnerabilities).map(([name, v]) => [
        name,
        { name, isDirect: false, via: [], effects: [], range: "*", nodes: [], ...v },
      ]),
    ),
    metadata: {
      vulnerabilities: counts,
      dependencies: { prod: 120, dev: 0, optional: 0, peer: 0, peerOptional: 0, total: 120 },
    },
  });
}

describe("reading npm audit's verdict for CI", () => {
  it("fails on a high or critical vulnerability and names the packages, worst first", () => {
    const verdict = auditVerdict(
      report({
        semver: { severity: "high", fixAvailable: true },
        minimist: { severity: "critical", fixAvailable: { name: "mkdirp", version: "1.0.0", isSemVerMajor: true } },
        debug: { severity: "low", fixAvailable: false },
      }),
      1,
    );
    expect(verdict).toEqual({
      kind: "vulnerable",
      findings: [
        { name: "minimist", severity: "critical", fixAvailable: true },
        { name: "semver", severity: "high", fixAvailable: true },
      ],
    });
    const { ok, lines } = describeVerdict(verdict);
    expect(ok).toBe(false);
    expect(lines).toContain("  critical: minimist (a fix is available: npm audit fix)");
  });

  it("passes with only low or moderate findings, and with none", () => {
    expect(describeVerdict(auditVerdict(report({ debug: { severity: "moderate", fixAvailable: false } }), 0))).toEqual({
      ok: true,
      lines: ["npm audit: no high or critical vulnerabilities in the production dependencies (0 low, 1 moderate)."],
    });
    expect(auditVerdict(report({}), 0)).toMatchObject({ kind: "clean" });
  });

  it("carries on with one warning line when the audit endpoint does not answer", () => {
    const refused = describeVerdict(auditVerdict(endpointRefused, 1));
    expect(refused.ok).toBe(true);
    expect(refused.lines).toEqual([
      "WARNING: npm audit could not be run, so the dependencies were NOT checked for known vulnerabilities (405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk).",
    ]);
    expect(auditVerdict(offline, 1)).toMatchObject({
      kind: "unavailable",
      reason: expect.stringMatching(/^ENOTFOUND: request to/),
    });
  });

  it("fails when npm failed for another reason, or printed nothing it can read", () => {
    const noLockfile = JSON.stringify({
      error: { code: "ENOLOCK", summary: "This command requires an existing lockfile.", detail: "" },
    });
    expect(auditVerdict(noLockfile, 1)).toEqual({
      kind: "failed",
      reason: "ENOLOCK: This command requires an existing lockfile.",
    });
    expect(describeVerdict(auditVerdict("npm error something odd", 1)).ok).toBe(false);
    expect(auditVerdict("", 1)).toMatchObject({ kind: "failed" });
  });
});
