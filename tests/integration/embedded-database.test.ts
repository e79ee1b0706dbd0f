import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedDatabase } from "@/lib/db/embedded-database";
import { freePort } from "../support/free-port";
import { EmbeddedDatabaseError } from "@/lib/db/errors";

// Each test gets its own data folder and port, away from the run's shared server.
const created: string[] = [];
async function freshDataDir(): Promise<string> {
  const parent = await mkdtemp(path.resolve(".data", "embedded-test-"));
  created.push(parent);
  return path.join(parent, "postgres");
}

afterAll(async () => {
  await Promise.all(created.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function sql<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function postmasterPid(dataDir: string): Promise<number> {
  return Number((await readFile(path.join(dataDir, "postmaster.pid"), "utf8")).split("\n")[0]);
}

describe("the embedded PostgreSQL", () => {
  it("keeps its data across a stop and a start, and leaves no server running when stopped", async () => {
    const dataDir = await freshDataDir();
    const port = await freePort();
    const first = await startEmbeddedDatabase({ dataDir, port });
    await sql(first.url, "create table kept (note text); insert into kept values ('still here')");
    const pid = await postmasterPid(dataDir);
    await first.stop();
    expect(isAlive(pid)).toBe(false);

    const second = await startEmbeddedDatabase({ dataDir, port });
    try {
      expect(await sql(second.url, "select note from kept")).toEqual([{ note: "still here" }]);
    } finally {
      await second.stop();
    }
  });

  it("refuses a second portal on the same data folder while the first runs", async () => {
    const dataDir = await freshDataDir();
    const first = await startEmbeddedDatabase({ dataDir, port: await freePort() });
    try {
      // The claim belongs to this process; pretend to be another one by writing a live node pid.
      const holder = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"]);
      await writeFile(`${dataDir}.owner`, String(holder.pid));
      try {
        const error = await startEmbeddedDatabase({ dataDir, port: await freePort() }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(EmbeddedDatabaseError);
        expect((error as Error).message).toMatch(/already in use by another portal process/);
      } finally {
        holder.kill();
        await writeFile(`${dataDir}.owner`, String(process.pid));
      }
      // The first server was not disturbed.
      expect(await sql(first.url, "select 1 as ok")).toEqual([{ ok: 1 }]);
    } finally {
      await first.stop();
    }
  });

  it("recovers from a crashed portal: stops the orphaned server and starts again with the data", async () => {
    const dataDir = await freshDataDir();
    const port = await freePort();
    const crashed = spawn(
      process.execPath,
      ["--import", "tsx", "tests/integration/support/hold-embedded-database.ts", dataDir, String(port)],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    await new Promise<void>((resolve, reject) => {
      crashed.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
      crashed.once("exit", () => reject(new Error("the stand-in portal exited early")));
    });
    const orphan = await postmasterPid(dataDir);
    crashed.kill("SIGKILL");
    await new Promise((r) => crashed.once("exit", r));
    expect(isAlive(orphan)).toBe(true);

    const restarted = await startEmbeddedDatabase({ dataDir, port });
    try {
      expect(isAlive(orphan)).toBe(false);
      expect(await sql(restarted.url, "select 1 as ok")).toEqual([{ ok: 1 }]);
    } finally {
      await restarted.stop();
    }
  });

  it("ignores a stale lock file whose pid now belongs to another program", async () => {
    const dataDir = await freshDataDir();
    const port = await freePort();
    const first = await startEmbeddedDatabase({ dataDir, port });
    await first.stop();
    const lockFile = path.join(dataDir, "postmaster.pid");
    // After a power cut the file survives, and its pid may be reused by anything; here, this test runner.
    await writeFile(lockFile, `${process.pid}\n${dataDir}\n0\n${port}\n`);
    const again = await startEmbeddedDatabase({ dataDir, port });
    await again.stop();
  });

  it("says which port is taken when another program holds it", async () => {
    const dataDir = await freshDataDir();
    const net = await import("node:net");
    const port = await freePort();
    const blocker = net.createServer().listen(port, "127.0.0.1");
    await new Promise((r) => blocker.once("listening", r));
    try {
      await expect(startEmbeddedDatabase({ dataDir, port })).rejects.toThrow(
        new RegExp(`Port ${port}.*EMBEDDED_DATABASE_PORT`),
      );
    } finally {
      blocker.close();
    }
  });
});
