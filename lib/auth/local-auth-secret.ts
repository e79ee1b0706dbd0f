import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";

/**
 * With the embedded database (development, trials, tests), the portal makes its own AUTH_SECRET and keeps
 * it beside the data, so sessions and second-factor keys survive restarts. A real deployment sets
 * AUTH_SECRET itself (README).
 */
export async function localAuthSecret(file: string): Promise<string> {
  const existing = (await readFile(file, "utf8").catch(() => "")).trim();
  if (existing.length >= 32) return existing;
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}
