import "server-only";
import { getDb } from "@/lib/db/client";
import { readMigrationFiles } from "@/lib/db/migrate";

export type HealthReport = {
  status: "ok" | "unavailable";
  database: "reachable" | "unreachable";
  migrations: { allApplied: boolean; applied: number; pending: string[] } | null;
};

/** What /api/health reports: can we reach the database, and has every migration in the release run? */
export async function checkHealth(): Promise<HealthReport> {
  const files = await readMigrationFiles();
  let rows: { migration_name: string }[];
  try {
    rows = await getDb().$queryRaw<{ migration_name: string }[]>`
      select migration_name from "_prisma_migrations"
      where finished_at is not null and rolled_back_at is null`;
  } catch {
    return { status: "unavailable", database: "unreachable", migrations: null };
  }
  const applied = new Set(rows.map((r) => r.migration_name));
  const pending = files.map((f) => f.name).filter((name) => !applied.has(name));
  return {
    status: pending.length === 0 ? "ok" : "unavailable",
    database: "reachable",
    migrations: { allApplied: pending.length === 0, applied: files.length - pending.length, pending },
  };
}
