import { expect, test } from "./support";

test("/api/health reports the database reachable and every migration applied", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  const body = await response.json();
  expect(body).toMatchObject({ status: "ok", database: "reachable", migrations: { allApplied: true, pending: [] } });
  expect(body.migrations.applied).toBeGreaterThan(0);
});
