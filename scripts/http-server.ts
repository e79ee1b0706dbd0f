/**
 * The portal's web server: Next.js through its programmatic API, inside a plain Node.js HTTP server of
 * our own, so that every request gets a request id, an access log line, the client's address from the
 * trusted source only, and the "service unavailable" page during a database outage
 * (lib/server/request-handling.ts). Started by the launcher (scripts/portal.ts) with the environment it
 * prepared: `http-server.ts dev|start`. Never run it directly in production: the launcher migrates and
 * seeds the database first.
 */
import { createServer } from "node:http";
import next from "next";
import { readEnv } from "@/lib/config/env";
import { logger } from "@/lib/log/logger";
import { routeConsoleToLogger } from "@/lib/server/console-to-logger";
import { DatabaseHealth } from "@/lib/server/database-health";
import { createRequestHandler } from "@/lib/server/request-handling";

const mode = process.argv[2];
if (mode !== "dev" && mode !== "start") {
  process.stderr.write("Usage: http-server.ts dev|start (run by scripts/portal.ts)\n");
  process.exit(2);
}

// Before Next.js loads, so that its first words are JSON too.
routeConsoleToLogger(logger);

const env = readEnv();
if (!env.DATABASE_URL) {
  logger.fatal("DATABASE_URL is not set: start the portal with npm run dev or npm start");
  process.exit(1);
}

const dev = mode === "dev";
const app = next({ dev, dir: process.cwd(), hostname: env.BIND_ADDRESS ?? "localhost", port: env.PORT });
const health = new DatabaseHealth({ url: env.DATABASE_URL });
const server = createServer();
let stopping = false;

async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "stopping the web server");
  // Stop accepting, let requests in flight finish (up to 10 seconds), then stop Next.js.
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const deadline = setTimeout(() => server.closeAllConnections(), 10_000);
  deadline.unref();
  await closed;
  clearTimeout(deadline);
  await Promise.allSettled([app.close(), health.stop()]);
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));

try {
  await app.prepare();
} catch (error) {
  logger.fatal({ err: error }, "Next.js could not start");
  process.exit(1);
}
health.start();
let handle = app.getRequestHandler();
if (env.BENCHMARK_ROUTES === "true") {
  // Loaded only here, so that a real deployment never even has the benchmark's route in memory.
  const [{ withBenchmarkRoutes }, { createPrismaClient }] = await Promise.all([
    import("@/lib/server/benchmark-routes"),
    import("@/lib/db/prisma"),
  ]);
  handle = withBenchmarkRoutes(handle, createPrismaClient(env.DATABASE_URL));
  logger.warn(
    "BENCHMARK_ROUTES=true: POST /api/bench/insert writes a row on every request; never in a real deployment",
  );
}
server.on(
  "request",
  createRequestHandler({ next: handle, logger, health, trustedProxyHeader: env.TRUSTED_PROXY_HEADER }),
);
// Development's live reload talks over WebSockets.
if (dev) server.on("upgrade", app.getUpgradeHandler());
server.on("error", (error) => {
  logger.fatal({ err: error }, "the web server could not listen");
  process.exit(1);
});
server.listen(env.PORT, env.BIND_ADDRESS, () => {
  logger.info({ port: env.PORT, mode }, "the web server is listening");
});
