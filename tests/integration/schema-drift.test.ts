import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { describeDatabase, describePrismaSchema } from "./support/schema-description";

describe("schema.prisma and the migrations", () => {
  it("describe the same tables, columns, indexes, foreign keys and enums", async () => {
    const schema = await readFile(path.resolve("prisma", "schema.prisma"), "utf8");
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      // This file's database was built by running every migration (see support/global-setup.ts).
      const fromMigrations = await describeDatabase(client);
      const fromSchema = describePrismaSchema(schema);
      expect(fromMigrations, "the migrations and schema.prisma have drifted apart").toEqual(fromSchema);
    } finally {
      await client.end();
    }
  });

  it("notices a column that exists in schema.prisma only", () => {
    const schema = [
      `datasource db {\n  provider = "postgresql"\n}`,
      `model Thing {\n  id    Int    @id\n  label String\n}`,
    ].join("\n");
    const withExtraColumn = schema.replace("label String", "label String\n  nickname String?");
    expect(describePrismaSchema(withExtraColumn)).toContain("column Thing.nickname text null");
    expect(describePrismaSchema(withExtraColumn)).not.toEqual(describePrismaSchema(schema));
  });
});
