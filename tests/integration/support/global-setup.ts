import { spawn, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The URL of the migrated template database; each test file clones it. */
    templateDatabaseUrl: string;
  }
}

let server: ChildProcess | undefined;

/**
 * Starts a throw-away embedded PostgreSQL for the integration run (its own folder and port, so it can run
 * beside `npm run dev`) holding the migrated template database every test file is cloned from.
 */
export async function setup(project: TestProject): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/integration/support/database-server.ts"], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  server = child;
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once("exit", (code) =>
      reject(new Error(`The test database server stopped during start-up (exit code ${code}).`)),
    );
  });
  project.provide("templateDatabaseUrl", url);
}

export async function teardown(): Promise<void> {
  const child = server;
  if (!child) return;
  if (child.exitCode === null) {
    await new Promise((resolve) => {
      child.once("exit", resolve);
      child.kill("SIGTERM");
    });
  }
  // The server's folder is named after its process (see database-server.ts); nothing in it is kept.
  const dataDir = path.resolve(".data", `test-postgres-${child.pid}`);
  await rm(dataDir, { recursive: true, force: true });
  await Promise.all([".log", ".password", ".owner"].map((suffix) => rm(`${dataDir}${suffix}`, { force: true })));
}
