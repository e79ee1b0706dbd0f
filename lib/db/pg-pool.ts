import "server-only";
import pg from "pg";
import { readEnv } from "@/lib/config/env";

/**
 * A small node-postgres pool for the few places that talk to PostgreSQL without Prisma (the rate limiter's
 * store). One per process, kept on globalThis across development hot reloads.
 */
const globalForPool = globalThis as unknown as { portalPgPool?: pg.Pool };

export function getPgPool(): pg.Pool {
  if (!globalForPool.portalPgPool) {
    const url = readEnv().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the portal with `npm run dev` or `npm start`.");
    const pool = new pg.Pool({ connectionString: url, max: 3, connectionTimeoutMillis: 5_000 });
    // A dropped idle connection must not crash the process; the next query reconnects.
    pool.on("error", () => undefined);
    globalForPool.portalPgPool = pool;
  }
  return globalForPool.portalPgPool;
}
