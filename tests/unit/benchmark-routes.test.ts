import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/prisma";
import { BENCHMARK_INSERT_PATH, withBenchmarkRoutes } from "@/lib/server/benchmark-routes";

const servers: ReturnType<typeof createServer>[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A real HTTP server whose "Next.js" answers 404 to everything, behind withBenchmarkRoutes. */
async function serve() {
  const created: unknown[] = [];
  const db = { volunteer: { create: async (args: unknown) => created.push(args) } } as unknown as Database;
  const handler = withBenchmarkRoutes(async (_req, res) => {
    res.statusCode = 404;
    res.end("next");
  }, db);
  const server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  servers.push(server);
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, created };
}

describe("the benchmark's floor route", () => {
  it("answers a POST with one volunteer insert and a 204, without calling Next.js", async () => {
    const { base, created } = await serve();
    const response = await fetch(`${base}${BENCHMARK_INSERT_PATH}`, { method: "POST" });
    expect(response.status).toBe(204);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ data: { fullName: "Benchmark floor" } });
  });

  it("leaves every other request to Next.js", async () => {
    const { base, created } = await serve();
    for (const [path, method] of [
      [BENCHMARK_INSERT_PATH, "GET"],
      [`${BENCHMARK_INSERT_PATH}/more`, "POST"],
      ["/register", "POST"],
    ] as const) {
      const response = await fetch(`${base}${path}`, { method });
      expect(await response.text()).toBe("next");
    }
    expect(created).toHaveLength(0);
  });
});
