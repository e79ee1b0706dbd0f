import "server-only";
import { readEnv } from "@/lib/config/env";
import { createPrismaClient, type Database } from "./prisma";

/**
 * The web server's one Prisma client. The launcher (scripts/portal.ts) starts the database and passes
 * DATABASE_URL to the server, so here it must be set. Kept on globalThis so that development hot reloads
 * reuse the connection pool instead of opening a new one each time.
 */
const globalForDb = globalThis as unknown as { portalDb?: Database };

function databaseUrl(): string {
  const url = readEnv().DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL is not set: start the portal with `npm run dev` or `npm start`, which set it.");
  }
  return url;
}

export function getDb(): Database {
  globalForDb.portalDb ??= createPrismaClient(databaseUrl());
  return globalForDb.portalDb;
}
