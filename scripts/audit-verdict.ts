/**
 * Reads the JSON of `npm audit --json` and decides what CI does with it. Pure, so that the decision is
 * unit-tested (tests/unit/audit-verdict.test.ts) without a registry.
 *
 * Three outcomes must not be confused:
 * - the audit ran and found high or critical vulnerabilities: CI fails;
 * - the audit ran and found none at those levels: CI carries on;
 * - the audit could not run because the registry's audit endpoint did not answer (on the project's build
 *   machines it answers 405 Method Not Allowed, and there is no other internet): CI carries on with one
 *   warning, since failing every build for an outage would only teach people to ignore the check.
 * Anything else (npm failing for another reason, output it cannot read) fails: a check that silently
 * passes when it did not run is worse than none.
 */

export type AuditFinding = { name: string; severity: "high" | "critical"; fixAvailable: boolean };

export type AuditVerdict =
  | { kind: "clean"; counts: Record<Severity, number> }
  | { kind: "vulnerable"; findings: AuditFinding[] }
  | { kind: "unavailable"; reason: string }
  | { kind: "failed"; reason: string };

type Severity = "info" | "low" | "moderate" | "high" | "critical";
const SEVERITIES: Severity[] = ["info", "low", "moderate", "high", "critical"];

/** Errors that mean the registry could not be reached at all (npm reports them with these codes). */
const NETWORK_CODES = new Set([
  "ENOTFOUND",
  "EAI_AGAIN",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ECONNABORTED",
]);

type AuditJson = {
  auditReportVersion?: number;
  vulnerabilities?: Record<string, { name?: string; severity?: string; fixAvailable?: unknown }>;
  metadata?: { vulnerabilities?: Partial<Record<Severity, number>> };
  message?: string;
  statusCode?: number;
  error?: { code?: string; summary?: string; detail?: string };
};

function parse(stdout: string): AuditJson | null {
  const start = stdout.indexOf("{");
  if (start < 0) return null;
  try {
    const value: unknown = JSON.parse(stdout.slice(start));
    return value && typeof value === "object" ? (value as AuditJson) : null;
  } catch {
    return null;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim().slice(0, 200);
}

export function auditVerdict(stdout: string, exitCode: number): AuditVerdict {
  const json = parse(stdout);
  if (!json) return { kind: "failed", reason: `npm audit exited with code ${exitCode} and printed no JSON report` };

  if (json.vulnerabilities && json.metadata?.vulnerabilities) {
    const counts = Object.fromEntries(
      SEVERITIES.map((s) => [s, Number(json.metadata!.vulnerabilities![s] ?? 0)]),
    ) as Record<Severity, number>;
    const findings: AuditFinding[] = Object.entries(json.vulnerabilities)
      .filter(([, v]) => v.severity === "high" || v.severity === "critical")
      .map(([name, v]) => ({
        name: v.name ?? name,
        severity: v.severity as "high" | "critical",
        fixAvailable: Boolean(v.fixAvailable),
      }))
      .sort((a, b) => (a.severity === b.severity ? a.name.localeCompare(b.name) : a.severity === "critical" ? -1 : 1));
    // The per-package list and the totals come from one report; trust whichever says more.
    if (findings.length > 0 || counts.high + counts.critical > 0) return { kind: "vulnerable", findings };
    return { kind: "clean", counts };
  }

  // npm's error report: an HTTP answer from the audit endpoint (statusCode), or a network failure.
  if (typeof json.statusCode === "number") {
    return {
      kind: "unavailable",
      reason: oneLine(json.message ?? `the audit endpoint answered HTTP ${json.statusCode}`),
    };
  }
  const code = json.error?.code;
  if (code && NETWORK_CODES.has(code)) {
    return {
      kind: "unavailable",
      reason: oneLine(`${code}: ${json.error?.summary ?? "the registry could not be reached"}`),
    };
  }
  const summary = json.error?.summary || json.message || `exit code ${exitCode}`;
  return { kind: "failed", reason: oneLine(`${code ? `${code}: ` : ""}${summary}`) };
}

/** What CI prints for a verdict, and whether it goes on to the tests. */
export function describeVerdict(verdict: AuditVerdict): { lines: string[]; ok: boolean } {
  switch (verdict.kind) {
    case "clean": {
      const { low, moderate } = verdict.counts;
      return {
        ok: true,
        lines: [
          `npm audit: no high or critical vulnerabilities in the production dependencies (${low} low, ${moderate} moderate).`,
        ],
      };
    }
    case "vulnerable":
      return {
        ok: false,
        lines: [
          `npm audit: high or critical vulnerabilities in the production dependencies:`,
          ...verdict.findings.map(
            (f) =>
              `  ${f.severity}: ${f.name}${f.fixAvailable ? " (a fix is available: npm audit fix)" : " (no fix yet)"}`,
          ),
          `Run "npm audit --omit=dev" for the advisories; update the packages (docs/operations.md, "Dependency audit").`,
        ],
      };
    case "unavailable":
      return {
        ok: true,
        lines: [
          `WARNING: npm audit could not be run, so the dependencies were NOT checked for known vulnerabilities (${verdict.reason}).`,
        ],
      };
    case "failed":
      return { ok: false, lines: [`npm audit failed: ${verdict.reason}`] };
  }
}
