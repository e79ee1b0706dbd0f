/**
 * For `npm run dev` only: one of the web server's JSON log lines as a short line a person can read at a
 * terminal ("10:02:03 GET /register 200 41 ms"). Anything that is not one of our JSON lines is shown as
 * it is. Production keeps the JSON, for a log collector.
 */
type Line = {
  time?: string;
  level?: string;
  msg?: string;
  method?: string;
  path?: string;
  status?: number;
  durationMs?: number;
  [key: string]: unknown;
};

const hidden = new Set([
  "time",
  "level",
  "msg",
  "pid",
  "requestId",
  "source",
  "method",
  "path",
  "status",
  "durationMs",
]);

export function prettyLogLine(text: string): string {
  let line: Line;
  try {
    line = JSON.parse(text) as Line;
  } catch {
    return text;
  }
  if (typeof line !== "object" || line === null || typeof line.msg !== "string") return text;
  const time = typeof line.time === "string" ? line.time.slice(11, 19) : "";
  const level = line.level && line.level !== "info" ? ` ${line.level.toUpperCase()}` : "";
  if (line.msg === "request" && line.method && line.path) {
    return `${time}${level} ${line.method} ${line.path} ${line.status ?? ""} ${line.durationMs ?? ""} ms`;
  }
  const rest = Object.entries(line)
    .filter(([key]) => !hidden.has(key))
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`);
  return `${time}${level} ${line.msg}${rest.length ? `  (${rest.join(", ")})` : ""}`;
}
