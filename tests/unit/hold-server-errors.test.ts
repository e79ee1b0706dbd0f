import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { holdServerErrors, type Replace } from "@/lib/server/hold-server-errors";

/** A real HTTP server on a free port whose handler writes as Next.js would, behind holdServerErrors. */
async function serve(write: (res: ServerResponse) => void, decide: () => Promise<Replace | false>) {
  const server = createServer((_req: IncomingMessage, res: ServerResponse) => {
    holdServerErrors(res, decide);
    write(res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  servers.push(server);
  const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  return { status: response.status, body: await response.text(), headers: response.headers };
}

const servers: ReturnType<typeof createServer>[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

const replaceWith503: Replace = ({ writeHead, end }) => {
  writeHead(503, { "content-type": "text/plain", "retry-after": "120" });
  end("unavailable");
};

describe("holding back a 500 until we know why", () => {
  it("replaces a 500 when asked to, dropping the headers and body it had", async () => {
    const response = await serve(
      (res) => {
        res.statusCode = 500;
        res.setHeader("x-from-next", "1");
        res.write("<p>stack");
        res.end(" trace</p>");
      },
      async () => replaceWith503,
    );
    expect(response).toMatchObject({ status: 503, body: "unavailable" });
    expect(response.headers.get("retry-after")).toBe("120");
    expect(response.headers.get("x-from-next")).toBeNull();
  });

  it("sends the 500 as it was when the database is not the cause", async () => {
    const response = await serve(
      (res) => {
        res.writeHead(500, { "content-type": "text/html", "x-from-next": "1" });
        res.write("<p>error ");
        res.end("page</p>");
      },
      async () => false,
    );
    expect(response).toMatchObject({ status: 500, body: "<p>error page</p>" });
    expect(response.headers.get("x-from-next")).toBe("1");
  });

  it("passes every other response straight through, without asking", async () => {
    let asked = false;
    const response = await serve(
      (res) => {
        res.statusCode = 200;
        res.write("streamed ");
        setTimeout(() => res.end("later"), 20);
      },
      async () => ((asked = true), replaceWith503),
    );
    expect(response).toMatchObject({ status: 200, body: "streamed later" });
    expect(asked).toBe(false);
  });
});

describe("the service unavailable page", () => {
  it("is a whole page in UK English with one heading, a way to get help, and no script or error detail", async () => {
    const { unavailablePage, RETRY_AFTER_SECONDS } = await import("@/lib/server/unavailable-page");
    const html = unavailablePage();
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain("<h1>Sorry, the service is unavailable</h1>");
    expect(html).toContain("try again in a few minutes");
    expect(html).toContain('<main id="main-content">');
    expect(html).not.toMatch(/<script|error|exception/i);
    expect(RETRY_AFTER_SECONDS).toBeGreaterThan(0);
  });
});
