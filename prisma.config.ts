import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma's CLI wants its native schema engine, which it downloads from Prisma's CDN on first use. That
// CDN is unreachable where this project is built, and no npm package ships the binary. `prisma generate`,
// `validate` and `format` only check that the file named by PRISMA_SCHEMA_ENGINE_BINARY exists, so we
// point it at a stub that explains itself. Migrations are applied by the project's own runner
// (npm run db:migrate, lib/db/migrate.ts). On a machine that has the real engine, set the variable to it
// and `prisma migrate status` agrees with what the runner recorded.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(
  import.meta.dirname,
  "prisma",
  "bin",
  "schema-engine-unavailable.sh",
);

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
