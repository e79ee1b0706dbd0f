import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findDebianPostgres } from "../integration/support/debian-postgres";

/** Which PostgreSQL the backup and restore integration test runs, and what it says when there is none. */
let root: string | undefined;

afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
  root = undefined;
});

async function fakeInstall(major: number, programs: string[]): Promise<void> {
  root ??= await mkdtemp(path.join(tmpdir(), "fake-postgresql-"));
  const bin = path.join(root, String(major), "bin");
  await mkdir(bin, { recursive: true });
  for (const program of programs) {
    await writeFile(path.join(bin, program), "#!/bin/sh\n");
    await chmod(path.join(bin, program), 0o755);
  }
}

describe("finding the operating system's PostgreSQL for the backup and restore test", () => {
  it("takes the newest major version that has the server and pg_dump and pg_restore", async () => {
    await fakeInstall(15, ["initdb", "pg_ctl", "postgres", "pg_dump", "pg_restore"]);
    await fakeInstall(16, ["initdb", "pg_ctl", "postgres"]); // a server without its client package
    expect(await findDebianPostgres(root)).toEqual({ major: 15, bin: path.join(root!, "15", "bin") });
  });

  it("fails, saying what to install, when there is none", async () => {
    await expect(findDebianPostgres("/nonexistent/postgresql")).rejects.toThrow(
      /found none\. Install Debian's PostgreSQL 15: apt-get install -y postgresql-15 postgresql-client-15/,
    );
  });
});
