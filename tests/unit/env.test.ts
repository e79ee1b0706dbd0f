import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigurationError, readEnv } from "@/lib/config/env";

describe("readEnv", () => {
  it("has working defaults for a machine with nothing configured", () => {
    const env = readEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.EMBEDDED_DATABASE_PORT).toBe(54329);
    expect(env.embeddedDatabaseDir).toBe(path.resolve(".data/postgres"));
    expect(env.publicUrl).toBe("http://localhost:3000");
    expect(env.seedDemoResearcher).toBe(true);
  });

  it("treats empty variables as unset", () => {
    expect(readEnv({ DATABASE_URL: "", PORT: "" }).DATABASE_URL).toBeUndefined();
  });

  it("does not create the demo researcher in production unless asked", () => {
    expect(readEnv({ NODE_ENV: "production" }).seedDemoResearcher).toBe(false);
    expect(readEnv({ NODE_ENV: "production", SEED_DEMO_RESEARCHER: "true" }).seedDemoResearcher).toBe(true);
  });

  it("builds the public URL from the port, without a trailing slash", () => {
    expect(readEnv({ PORT: "4000" }).publicUrl).toBe("http://localhost:4000");
    expect(readEnv({ PUBLIC_URL: "https://research.example.ac.uk/" }).publicUrl).toBe("https://research.example.ac.uk");
  });

  it.each([
    [{ PORT: "seventy" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ DATABASE_URL: "mysql://localhost/db" }, "DATABASE_URL"],
    [{ INITIAL_ADMIN_EMAIL: "not an email" }, "INITIAL_ADMIN_EMAIL"],
    [{ PUBLIC_URL: "research portal" }, "PUBLIC_URL"],
  ])("names the setting that is wrong: %o", (source, name) => {
    expect(() => readEnv(source)).toThrow(ConfigurationError);
    expect(() => readEnv(source)).toThrow(new RegExp(`${name}:`));
  });
});
