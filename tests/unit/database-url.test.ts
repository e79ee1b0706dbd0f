import { describe, expect, it } from "vitest";
import { describeDatabaseUrl } from "@/lib/db/database-url";

describe("describeDatabaseUrl", () => {
  it("shows host, port and database but never the password or user", () => {
    const text = describeDatabaseUrl("postgres://admin:p%40ss-w0rd@db.internal:6543/research");
    expect(text).toBe("db.internal:6543/research");
    expect(text).not.toContain("p%40ss");
    expect(text).not.toContain("admin");
  });

  it("fills in PostgreSQL's default port", () => {
    expect(describeDatabaseUrl("postgresql://u:p@db/x")).toBe("db:5432/x");
  });

  it("does not echo a malformed URL, which may contain a password", () => {
    expect(describeDatabaseUrl("postgres://u:secret@[bad")).not.toContain("secret");
  });
});
