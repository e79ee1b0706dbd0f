import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Database = InstanceType<typeof PrismaClient>;

/**
 * A Prisma client over node-postgres. Prisma 7 compiles queries in WebAssembly and talks to PostgreSQL
 * through this adapter, so no native engine is needed.
 */
export function createPrismaClient(databaseUrl: string, options: { maxConnections?: number } = {}): Database {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: options.maxConnections ?? 10,
    // A request should fail quickly with a clear 503 rather than hang when the database is down.
    connectionTimeoutMillis: 5_000,
  });
  return new PrismaClient({ adapter });
}
