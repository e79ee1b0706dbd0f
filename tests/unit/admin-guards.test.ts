import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Every dashboard page, server action and route checks the session itself, first thing. Layouts and the
 * proxy do not protect server actions or route handlers, so a check that is merely "somewhere above" is
 * not enough. This reads the source of every file under app/admin, so a new one cannot forget.
 */
const adminDir = path.resolve(import.meta.dirname, "..", "..", "app", "admin");

function filesNamed(dir: string, names: string[]): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesNamed(full, names);
    return names.includes(entry.name) ? [full] : [];
  });
}

type ExportedFunction = { name: string; firstStatement: string; file: string };

function exportedFunctions(file: string): ExportedFunction[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: ExportedFunction[] = [];
  for (const statement of source.statements) {
    const exported =
      ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported || !ts.isFunctionDeclaration(statement) || !statement.body) continue;
    const first = statement.body.statements[0];
    found.push({
      name: statement.name?.text ?? "default",
      firstStatement: first ? first.getText(source) : "",
      file: path.relative(adminDir, file),
    });
  }
  return found;
}

const pages = filesNamed(adminDir, ["page.tsx"]);
const actions = filesNamed(adminDir, ["actions.ts"]).flatMap(exportedFunctions);
const routes = filesNamed(adminDir, ["route.ts"]).flatMap(exportedFunctions);

describe("the dashboard's own checks", () => {
  it("finds the pages, actions and routes it is checking", () => {
    expect(pages.length).toBeGreaterThan(30);
    expect(actions.length).toBeGreaterThan(20);
    expect(routes.length).toBeGreaterThanOrEqual(4);
  });

  it.each(pages.map((p) => [path.relative(adminDir, p), p]))(
    "page %s requires a signed-in researcher",
    (_name, file) => {
      const exported = exportedFunctions(file).find((f) => f.name !== "generateMetadata");
      expect(exported?.firstStatement ?? "").toMatch(
        /^const \w+ = await requireResearcher\((?:"ADMIN")?\);$|^await requireResearcher\((?:"ADMIN")?\);$/,
      );
    },
  );

  it.each(actions.map((a) => [`${a.file}: ${a.name}`, a]))(
    "server action %s checks the session as its first statement",
    (_name, action) => {
      expect(action.firstStatement).toMatch(/^(const \w+ = )?await requireResearcher\((?:"ADMIN")?\);$/);
    },
  );

  it.each(routes.map((r) => [`${r.file}: ${r.name}`, r]))(
    "route %s checks the session as its first statement",
    (_name, route) => {
      expect(route.firstStatement).toMatch(/^const \w+ = await researcherForRoute\((?:"ADMIN")?\);$/);
    },
  );
});
