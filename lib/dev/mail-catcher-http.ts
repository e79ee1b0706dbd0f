import type { IncomingMessage, ServerResponse } from "node:http";
import type { CaughtMessage } from "./caught-message";
import { renderMessage, renderMessageList, renderNotFound } from "./mail-catcher-pages";

/** The mail catcher's web pages and the JSON API the tests read. */

export type MessageStore = { list(): readonly CaughtMessage[]; clear(): void };

// No scripts and nothing fetched from elsewhere, on the pages or in a caught email's HTML (the sandboxed
// frame inherits this policy).
const PAGE_HEADERS = {
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
};

function send(res: ServerResponse, status: number, contentType: string, body: string | Buffer, extra = {}): void {
  res.writeHead(status, { ...PAGE_HEADERS, "content-type": contentType, ...extra });
  res.end(body);
}

function toJson(m: CaughtMessage) {
  return {
    id: m.id,
    from: m.from,
    to: m.to,
    subject: m.subject,
    date: m.date.toISOString(),
    text: m.text,
    html: m.html,
    attachments: m.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      size: a.content.length,
    })),
  };
}

/** A header-safe filename, plus the exact one in RFC 5987 form for browsers that read it. */
function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\w.\- ]/g, "_");
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function handleMailCatcherRequest(store: MessageStore, req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? "/", "http://localhost").pathname;
  const html = "text/html; charset=utf-8";
  // Ids are plain digits, so one that needs decoding is no id at all.
  const find = (id: string) => store.list().find((m) => m.id === id);

  if (path === "/api/messages") {
    if (req.method === "GET") return send(res, 200, "application/json", JSON.stringify(store.list().map(toJson)));
    if (req.method === "DELETE") {
      store.clear();
      res.writeHead(204, PAGE_HEADERS).end();
      return;
    }
    return send(res, 405, "text/plain; charset=utf-8", "Method not allowed", { allow: "GET, DELETE" });
  }
  if (req.method !== "GET") return send(res, 405, "text/plain; charset=utf-8", "Method not allowed", { allow: "GET" });
  if (path === "/") return send(res, 200, html, renderMessageList(store.list()));

  const attachment = /^\/messages\/([^/]+)\/attachments\/(\d+)$/.exec(path);
  if (attachment) {
    const file = find(attachment[1] ?? "")?.attachments[Number(attachment[2])];
    if (!file) return send(res, 404, html, renderNotFound());
    return send(res, 200, file.contentType, file.content, { "content-disposition": contentDisposition(file.filename) });
  }
  const message = /^\/messages\/([^/]+)$/.exec(path);
  const found = message ? find(message[1] ?? "") : undefined;
  if (found) return send(res, 200, html, renderMessage(found));
  return send(res, 404, html, renderNotFound());
}
