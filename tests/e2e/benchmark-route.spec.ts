import { expect, test } from "./support";

// The benchmark's bare-INSERT route is served by scripts/http-server.ts only with BENCHMARK_ROUTES=true.
test("the benchmark's insert route does not exist unless BENCHMARK_ROUTES is on", async ({ request }) => {
  const response = await request.post("/api/bench/insert");
  expect(response.status()).toBe(404);
});
