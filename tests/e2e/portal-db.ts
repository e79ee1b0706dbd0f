import { readFileSync } from "node:fs";
import path from "node:path";
import { createPrismaClient, type Database } from "@/lib/db/prisma";
import { baseURL, databaseDir, databasePort } from "../playwright.config";
import { test as base } from "./support";

/**
 * `portalDb`: a Prisma client on the database of the portal under test, one per worker, for fixtures that
 * arrange what a test needs (an invitation, a signed-in researcher) the way the portal itself would.
 */
export const test = base.extend<object, { portalDb: Database; authSecret: string }>({
  portalDb: [
    async ({}, use) => {
      // Written by the launcher when the web server starts, so read here rather than at import.
      const password = readFileSync(
        path.resolve(import.meta.dirname, "..", "..", `${databaseDir}.password`),
        "utf8",
      ).trim();
      // Links in emails are built from PUBLIC_URL: they must lead to the server under test.
      process.env.PUBLIC_URL = baseURL;
      const db = createPrismaClient(
        `postgres://portal:${encodeURIComponent(password)}@127.0.0.1:${databasePort}/portal`,
        { maxConnections: 2 },
      );
      await use(db);
      await db.$disconnect();
    },
    { scope: "worker" },
  ],
  authSecret: [
    async ({}, use) => {
      const secret = readFileSync(
        path.resolve(import.meta.dirname, "..", "..", `${databaseDir}.auth-secret`),
        "utf8",
      ).trim();
      process.env.AUTH_SECRET = secret;
      await use(secret);
    },
    { scope: "worker" },
  ],
});
