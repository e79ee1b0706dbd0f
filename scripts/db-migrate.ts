/** `npm run db:migrate`: apply pending migrations to DATABASE_URL, or to the embedded database. */
import { readEnv } from "@/lib/config/env";
import { prepareDatabase, type PreparedDatabase } from "@/lib/db/prepare-database";
import { failAndExit, say } from "./cli-output";

let database: PreparedDatabase | undefined;
try {
  database = await prepareDatabase(readEnv(), say);
  say(`The database (${database.description}) is up to date.`);
  await database.stop();
} catch (error) {
  await database?.stop().catch(() => undefined);
  failAndExit(error);
}
