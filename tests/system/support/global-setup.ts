import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

/**
 * The app instances run the production build in .next (as `npm start` does). It is built once here if
 * missing; `npm test` builds it in the end-to-end step just before, so it is normally there already.
 */
export function setup(): void {
  const root = path.resolve(import.meta.dirname, "..", "..", "..");
  if (existsSync(path.join(root, ".next", "BUILD_ID"))) return;
  const result = spawnSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) throw new Error("npm run build failed: the system tests need a production build.");
}
