import { spawn } from "node:child_process";
import net from "node:net";
import { describe, expect, it } from "vitest";
import { freePort } from "../support/free-port";

// Ports of this file's own, free when the file starts: nothing else is using them.
const WEB_PORT = await freePort();
const CATCHER_SMTP_PORT = await freePort();
const CATCHER_WEB_PORT = await freePort();

type Outcome = { code: number | null; stdout: string; stderr: string; seconds: number };

/** Runs the real launcher (what `npm start` runs) with the given settings, as a person would. */
function launch(env: Record<string, string>): Promise<Outcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/portal.ts", "start"], {
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        NODE_ENV: "production",
        PORT: String(WEB_PORT),
        // Not the default mail catcher ports, which a running `npm run dev` holds.
        MAIL_CATCHER_SMTP_PORT: String(CATCHER_SMTP_PORT),
        MAIL_CATCHER_WEB_PORT: String(CATCHER_WEB_PORT),
        ...env,
      },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const killer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr, seconds: (Date.now() - started) / 1000 });
    });
  });
}

function messageLines(stderr: string): string[] {
  return stderr.split("\n").filter((l) => l.trim() !== "");
}

describe("starting the portal with a database it cannot use", () => {
  it("names the host, never the password, and exits non-zero within 15 seconds", async () => {
    const result = await launch({ DATABASE_URL: "postgres://portal:Sup3r-Secret@127.0.0.1:1/portal" });
    expect(result.code).not.toBe(0);
    expect(result.seconds).toBeLessThan(15);
    expect(result.stderr).toContain("127.0.0.1:1/portal");
    expect(result.stderr + result.stdout).not.toContain("Sup3r-Secret");
    expect(messageLines(result.stderr)).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("explains a host name that does not exist", async () => {
    const result = await launch({ DATABASE_URL: "postgresql://someone:pw@no-such-host.invalid:5432/portal" });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("no-such-host.invalid:5432/portal: that host name could not be found");
    expect(result.stderr).not.toContain("pw@");
  });

  it("explains a wrong password without repeating it", async () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.password = "definitely-wrong";
    const result = await launch({ DATABASE_URL: url.toString() });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("the user name or password was refused");
    expect(result.stderr).not.toContain("definitely-wrong");
  });

  it("rejects a DATABASE_URL that is not a PostgreSQL URL", async () => {
    const result = await launch({ DATABASE_URL: "mysql://root@localhost/db" });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/DATABASE_URL: must start with postgres:\/\/ or postgresql:\/\//);
  });
});

describe("starting the portal on a port that is taken", () => {
  it("says so plainly and suggests another port", async () => {
    const taken = await freePort();
    const blocker = net.createServer().listen(taken);
    await new Promise((r) => blocker.once("listening", r));
    try {
      const result = await launch({ PORT: String(taken) });
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain(`Port ${taken} is already in use`);
      expect(result.stderr).toContain(`PORT=${taken + 1}`);
    } finally {
      blocker.close();
    }
  });

  it("says so plainly when the mail catcher's port is taken, before starting the database", async () => {
    const blocker = net.createServer().listen(CATCHER_WEB_PORT);
    await new Promise((r) => blocker.once("listening", r));
    try {
      const result = await launch({ DATABASE_URL: "postgres://portal:pw@127.0.0.1:1/portal" });
      expect(result.code).not.toBe(0);
      expect(messageLines(result.stderr)).toEqual([
        expect.stringContaining(`Port ${CATCHER_WEB_PORT} is already in use`),
      ]);
      expect(result.stderr).toContain(`MAIL_CATCHER_WEB_PORT=${CATCHER_WEB_PORT + 1}`);
    } finally {
      blocker.close();
    }
  });
});
