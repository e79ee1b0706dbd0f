/**
 * Starts the whole portal: database (embedded unless DATABASE_URL is set), migrations, seed data, the
 * local mail catcher (unless SMTP_URL is set), then the web server (scripts/http-server.ts: Next.js inside
 * the portal's own HTTP server), and stops them together.
 * `npm run dev` runs `portal.ts dev`, `npm start` runs `portal.ts start` (after `npm run build`).
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { ConfigurationError, readEnv, type PortalEnv } from "@/lib/config/env";
import { prepareDatabase, type PreparedDatabase } from "@/lib/db/prepare-database";
import { createPrismaClient } from "@/lib/db/prisma";
import { localAuthSecret } from "@/lib/auth/local-auth-secret";
import { DEMO_RESEARCHER, seedDatabase } from "@/lib/db/seed";
import type { MailCatcher } from "@/lib/dev/mail-catcher";
import { prettyLogLine } from "@/lib/log/pretty-line";
import { isPortFree } from "@/lib/net/is-port-free";
import { failAndExit, say } from "./cli-output";

function parseMode(arg: string | undefined): "dev" | "start" {
  if (arg === "dev" || arg === "start") return arg;
  return failAndExit("Usage: portal.ts dev|start");
}

const mode = parseMode(process.argv[2]);

async function waitUntilServing(url: string, child: ChildProcess): Promise<boolean> {
  for (let i = 0; i < 600 && child.exitCode === null; i++) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
      if (response.status < 500) return true;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

/**
 * Without SMTP_URL the portal sends its email to the mail catcher. It is built on development packages,
 * so an installation without them (npm ci --omit=dev) must be given a real mail server instead.
 */
async function loadMailCatcher(): Promise<typeof import("@/lib/dev/mail-catcher")> {
  try {
    return await import("@/lib/dev/mail-catcher");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") {
      return failAndExit(
        "SMTP_URL is not set, and the local mail catcher that stands in for a mail server needs the " +
          "development packages, which this installation does not have. Set SMTP_URL to your mail server, " +
          "e.g. SMTP_URL=smtp://user:password@smtp.example.ac.uk:587",
      );
    }
    throw error;
  }
}

async function checkMailCatcherPorts(env: PortalEnv): Promise<void> {
  const ports = [env.MAIL_CATCHER_SMTP_PORT, env.MAIL_CATCHER_WEB_PORT];
  if (new Set([env.PORT, ...ports]).size < 3) {
    failAndExit(
      `PORT (${env.PORT}), MAIL_CATCHER_SMTP_PORT (${ports[0]}) and MAIL_CATCHER_WEB_PORT (${ports[1]}) ` +
        "must be three different ports.",
    );
  }
  for (const [setting, port] of [
    ["MAIL_CATCHER_SMTP_PORT", env.MAIL_CATCHER_SMTP_PORT],
    ["MAIL_CATCHER_WEB_PORT", env.MAIL_CATCHER_WEB_PORT],
  ] as const) {
    if (!(await isPortFree(port))) {
      failAndExit(
        `Port ${port} is already in use, perhaps by another copy of the portal's mail catcher. ` +
          `Stop that program, or choose another port: ${setting}=${port + 1} npm run ${mode}`,
      );
    }
  }
}

let database: PreparedDatabase | undefined;
let mailCatcher: MailCatcher | undefined;

async function main(): Promise<void> {
  const env = readEnv({ ...process.env, NODE_ENV: mode === "dev" ? "development" : "production" });

  if (!(await isPortFree(env.PORT))) {
    failAndExit(
      `Port ${env.PORT} is already in use, perhaps by another copy of the portal. ` +
        `Stop that program, or choose another port: PORT=${env.PORT + 1} npm run ${mode}`,
    );
  }
  // Checked before the database starts, so that a clash is reported at once rather than after it.
  const catcherModule = env.SMTP_URL ? undefined : await loadMailCatcher();
  if (catcherModule) await checkMailCatcherPorts(env);

  let shuttingDown = false;
  const web: { process?: ChildProcess } = {};

  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    const child = web.process;
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
    // After the web server, whose outbox worker may be handing the catcher an email as it stops.
    await mailCatcher?.stop();
    await database?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  // Last resort (e.g. an exception): never leave the web server running without us.
  process.on("exit", () => {
    if (web.process && web.process.exitCode === null) web.process.kill("SIGKILL");
  });

  database = await prepareDatabase(env, (line) => say(line));
  const authSecret =
    env.AUTH_SECRET ??
    (database.embedded ? await localAuthSecret(`${env.embeddedDatabaseDir}.auth-secret`) : undefined);
  if (!authSecret) {
    throw new ConfigurationError(
      "AUTH_SECRET is not set. A real deployment needs its own secret: AUTH_SECRET=$(openssl rand -base64 32)",
    );
  }
  const db = createPrismaClient(database.url, { maxConnections: 1 });
  try {
    const seeded = await seedDatabase(db, {
      demoResearcher: env.seedDemoResearcher,
      initialAdminEmail: env.INITIAL_ADMIN_EMAIL,
      authSecret,
    });
    if (seeded.studiesCreated.length) say(`Created studies: ${seeded.studiesCreated.join(", ")}`);
  } finally {
    await db.$disconnect();
  }
  if (shuttingDown) return;

  if (catcherModule) {
    mailCatcher = await catcherModule.startMailCatcher({
      smtpPort: env.MAIL_CATCHER_SMTP_PORT,
      webPort: env.MAIL_CATCHER_WEB_PORT,
    });
  }
  if (shuttingDown) return;
  const smtpUrl = mailCatcher?.smtpUrl ?? env.SMTP_URL;

  // Our own HTTP server around Next.js (request ids, access log, client address, the outage page).
  const child = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "http-server.ts"), mode], {
    // In development its JSON log lines are shown as short readable lines (prettyLogLine); in
    // production they go out as they are, for the log collector.
    stdio: mode === "dev" ? ["inherit", "pipe", "inherit"] : "inherit",
    // No telemetry: a research portal does not report home, and these machines have no internet anyway.
    env: {
      ...process.env,
      NODE_ENV: mode === "dev" ? "development" : "production",
      DATABASE_URL: database.url,
      ...(smtpUrl ? { SMTP_URL: smtpUrl } : {}),
      PORT: String(env.PORT),
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_SECRET: authSecret,
    },
  });
  if (child.stdout) {
    createInterface({ input: child.stdout, crlfDelay: Infinity }).on("line", (line) => say(prettyLogLine(line)));
  }
  web.process = child;
  child.once("exit", (code, signal) => {
    if (!shuttingDown) {
      say(`The web server stopped (${signal ?? `exit code ${code}`}).`);
      void shutdown(code ?? 1);
    }
  });

  const local = `http://localhost:${env.PORT}`;
  if (await waitUntilServing(`${local}/api/health`, child)) {
    const lines = [
      "",
      "  The portal is running.",
      `  Portal:            ${local}`,
      `  Health check:      ${local}/api/health`,
      `  Database:          ${database.description}`,
    ];
    if (mailCatcher) {
      lines.push(
        `  Mail catcher:      http://localhost:${env.MAIL_CATCHER_WEB_PORT} (emails are caught here, not delivered)`,
      );
    }
    if (env.seedDemoResearcher) {
      lines.push(
        `  Demo researcher:   ${DEMO_RESEARCHER.email} (an admin), at ${local}/sign-in`,
        `                     the sign-in link arrives in the mail catcher; authenticator key ${DEMO_RESEARCHER.totpSecret}`,
        `                     (add it to an authenticator app, or get the current code with: npm run demo:code)`,
      );
    }
    if (env.PUBLIC_URL) lines.push(`  Public address:    ${env.publicUrl}`);
    lines.push("  Press Ctrl-C to stop.", "");
    say(lines.join("\n"));
  }
}

main().catch(async (error: unknown) => {
  await mailCatcher?.stop().catch(() => undefined);
  await database?.stop().catch(() => undefined);
  failAndExit(error);
});
