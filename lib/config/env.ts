import path from "node:path";
import { z } from "zod";

/**
 * Every setting the portal reads from the environment, validated once. Nothing else reads process.env
 * (the lint rule no-restricted-properties enforces it), so this file plus README.md is the whole list.
 */
const portNumber = z.coerce.number().int().min(1).max(65535);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** PostgreSQL connection string. Unset: an embedded PostgreSQL in EMBEDDED_DATABASE_DIR. */
  DATABASE_URL: z
    .string()
    .trim()
    .min(1)
    .refine((v) => /^postgres(ql)?:\/\//.test(v), "must start with postgres:// or postgresql://")
    .optional(),
  /** Where the embedded PostgreSQL keeps its data (git-ignored). */
  EMBEDDED_DATABASE_DIR: z.string().min(1).default(".data/postgres"),
  /** Port of the embedded PostgreSQL, on 127.0.0.1 only. */
  EMBEDDED_DATABASE_PORT: portNumber.default(54329),
  /** Port the web server listens on. */
  PORT: portNumber.default(3000),
  /** Address the web server binds to; unset, it listens on every interface. */
  BIND_ADDRESS: z.string().min(1).optional(),
  /** The address people use to reach the portal; links in emails are built from it. */
  PUBLIC_URL: z.url().optional(),
  /** An admin researcher account created at start-up if it does not exist (real deployments). */
  INITIAL_ADMIN_EMAIL: z.email().optional(),
  /** Outgoing mail server, e.g. smtp://user:password@smtp.example.ac.uk:587. Unset: the local mail catcher. */
  SMTP_URL: z
    .string()
    .trim()
    .refine((v) => /^smtps?:\/\//.test(v), "must start with smtp:// or smtps://")
    .optional(),
  /** The From address of every email the portal sends. */
  MAIL_FROM: z.string().min(3).default("Bi-directional learning research <no-reply@localhost>"),
  /** Ports of the local mail catcher used when SMTP_URL is unset (SMTP, and the web page to read mail). */
  MAIL_CATCHER_SMTP_PORT: portNumber.default(1025),
  MAIL_CATCHER_WEB_PORT: portNumber.default(1080),
  /** First retry delay for an email that could not be sent; it doubles on each attempt, up to an hour. */
  EMAIL_RETRY_BASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** How long a worker's claim on an email lasts: after it, another worker may send it (a crash mid-send). */
  EMAIL_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(120),
  /** How often the reminder and retention passes run, in each worker, in seconds. */
  JOB_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** How many hours before an interview or a workshop session its reminder is sent. */
  SCHEDULE_REMINDER_HOURS: z.coerce.number().int().min(1).max(336).default(24),
  /** Whether the web server also does the background work (set false when a separate worker does). */
  RUN_WORKER_IN_APP: z.enum(["true", "false"]).default("true"),
  /** Header set by the trusted reverse proxy with the client's address (e.g. x-real-ip, x-forwarded-for). */
  TRUSTED_PROXY_HEADER: z.string().trim().toLowerCase().optional(),
  /** Registration submissions allowed per client address in 10 minutes. */
  REGISTRATION_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  /** Requests for personal-link pages (consent, manage) allowed per client address in 10 minutes. */
  TOKEN_LINK_RATE_LIMIT: z.coerce.number().int().min(6).default(60),
  /** How long a personal link to a consent form works, in days. */
  CONSENT_LINK_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** How long a "manage your participation" link works, in days. */
  MANAGE_LINK_DAYS: z.coerce.number().int().min(1).max(3650).default(730),
  /** Signs sign-in tokens and session cookies and encrypts second-factor secrets. Required in production. */
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (e.g. openssl rand -base64 32)").optional(),
  /** A researcher is signed out after this many minutes without activity. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(480).default(30),
  /** A researcher signs in again after this many hours, however active. */
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  /**
   * Turns on the route `npm run bench` measures against (a bare INSERT), which scripts/http-server.ts then
   * serves in front of Next.js; never in a real deployment.
   */
  BENCHMARK_ROUTES: z.enum(["true", "false"]).default("false"),
  /** The least severe log lines written (lib/log/logger.ts reads it directly, before these settings exist). */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Create the demo researcher account; on by default in development. */
  SEED_DEMO_RESEARCHER: z.enum(["true", "false"]).optional(),
});

export type PortalEnv = z.infer<typeof envSchema> & {
  publicUrl: string;
  embeddedDatabaseDir: string;
  seedDemoResearcher: boolean;
};

export class ConfigurationError extends Error {}

export function readEnv(source: Record<string, string | undefined> = process.env): PortalEnv {
  // An empty variable means "not set": shells and .env files often leave them blank.
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigurationError(`The portal's configuration is not valid:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  return {
    ...env,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    embeddedDatabaseDir: path.resolve(env.EMBEDDED_DATABASE_DIR),
    seedDemoResearcher: (env.SEED_DEMO_RESEARCHER ?? String(env.NODE_ENV !== "production")) === "true",
  };
}
