/**
 * `npm run verify:audit`: checks the evidence in the database named by DATABASE_URL (the audit hash chain,
 * and every consent record's hash and signing event) without changing anything, prints what it found and
 * exits 0 when intact, 1 when something was changed or removed, 2 when the check could not be made.
 * Distinct codes so that a scheduled run can tell "tampered" from "database down".
 * Run it after every restore (docs/operations.md) and on a schedule.
 */
import { describeEvidenceReport, verifyEvidence } from "@/lib/audit/verify-evidence";
import { readEnv } from "@/lib/config/env";
import { checkDatabaseConnection } from "@/lib/db/connect-check";
import { describeDatabaseUrl } from "@/lib/db/database-url";
import { createPrismaClient } from "@/lib/db/prisma";
import { say } from "./cli-output";

function cannotCheck(message: string): never {
  process.stderr.write(`✖ The evidence could not be checked: ${message}\n`);
  process.exit(2);
}

let url: string | undefined;
try {
  url = readEnv().DATABASE_URL;
} catch (error) {
  cannotCheck((error as Error).message);
}
if (!url) {
  cannotCheck(
    "DATABASE_URL is not set. Name the database to check, e.g. DATABASE_URL=postgres://portal:…@db.example.ac.uk:5432/portal npm run verify:audit",
  );
}

try {
  await checkDatabaseConnection(url);
} catch (error) {
  cannotCheck((error as Error).message);
}

const db = createPrismaClient(url, { maxConnections: 1 });
let intact = false;
try {
  say(`Checking the evidence in ${describeDatabaseUrl(url)}…`);
  const report = await verifyEvidence(db);
  for (const line of describeEvidenceReport(report)) say(line);
  intact = report.intact;
} catch (error) {
  await db.$disconnect().catch(() => undefined);
  // e.g. a database without the portal's tables: not a portal database, or a restore that did not finish.
  cannotCheck((error as Error).message);
}
await db.$disconnect();
process.exit(intact ? 0 : 1);
