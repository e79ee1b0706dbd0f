import pg from "pg";
import { describeDatabaseUrl } from "./database-url";
import { DatabaseUnavailableError } from "./errors";

/** Plain-English reasons for the failures people actually meet; anything else gets its code only. */
function explain(error: unknown, timeoutSeconds: number): string {
  const e = error as { code?: string; message?: string };
  switch (e.code) {
    case "ECONNREFUSED":
      return "nothing is accepting connections there (is PostgreSQL running, and is the port right?)";
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return "that host name could not be found";
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return `the server could not be reached within ${timeoutSeconds} seconds`;
    case "28P01":
      return "the user name or password was refused";
    case "28000":
      return "the server refused this user or client address (check pg_hba.conf)";
    case "3D000":
      return "that database does not exist";
    case "57P03":
      return "the server is starting up or shutting down";
    default:
      if (/timeout/i.test(e.message ?? "")) return `the server did not answer within ${timeoutSeconds} seconds`;
      if (/terminated unexpectedly/i.test(e.message ?? "")) {
        return "the connection was closed before PostgreSQL answered (is this the right host and port?)";
      }
      return `the connection failed${e.code ? ` (${e.code})` : ""}`;
  }
}

/**
 * Opens and closes one connection, failing within `timeoutSeconds` with a message that names the host
 * and never the password.
 */
export async function checkDatabaseConnection(url: string, timeoutSeconds = 10): Promise<void> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: timeoutSeconds * 1000,
    query_timeout: timeoutSeconds * 1000,
  });
  // An error after connecting (e.g. the server going away) must not crash the process as unhandled.
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    throw new DatabaseUnavailableError(
      `Cannot connect to the database at ${describeDatabaseUrl(url)}: ${explain(error, timeoutSeconds)}.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
