import { createPrismaClient, type Database } from "@/lib/db/prisma";

/** A Prisma client on this test file's database, for arranging data and checking what was stored. */
let client: Database | undefined;

export function testDb(): Database {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("The per-file test database has not been created yet.");
  client ??= createPrismaClient(url, { maxConnections: 2 });
  return client;
}

export async function disconnectTestDb(): Promise<void> {
  await client?.$disconnect();
  client = undefined;
  // The application's own client (lib/db/client.ts) also lives on globalThis.
  const app = (globalThis as { portalDb?: Database }).portalDb;
  await app?.$disconnect();
  delete (globalThis as { portalDb?: Database }).portalDb;
}
