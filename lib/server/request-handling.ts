import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { withLogContext } from "@/lib/log/request-context";
import { CLIENT_ADDRESS_HEADER, clientAddressOf } from "@/lib/security/client-address";
import type { DatabaseHealth } from "./database-health";
import { holdServerErrors, uncachedHtmlHeaders } from "./hold-server-errors";
import { RETRY_AFTER_SECONDS, unavailablePage } from "./unavailable-page";

export type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export type RequestHandlingOptions = {
  next: NextHandler;
  logger: Logger;
  health: DatabaseHealth;
  /** TRUSTED_PROXY_HEADER: the header the reverse proxy sets with the client's address. */
  trustedProxyHeader: string | undefined;
};

/** Next.js's own files: they never touch the database, so they are served during an outage too. */
function isStaticAsset(path: string): boolean {
  return (
    path.startsWith("/_next/static/") || path === "/favicon.ico" || path === "/icon.svg" || path.startsWith("/assets/")
  );
}

function sendUnavailable(
  writeHead: ServerResponse["writeHead"],
  end: (body: string) => void,
  requestId: string,
  method: string | undefined,
): void {
  writeHead(503, uncachedHtmlHeaders({ "retry-after": String(RETRY_AFTER_SECONDS), "x-request-id": requestId }));
  end(method === "HEAD" ? "" : unavailablePage());
}

/**
 * Everything the portal's server does around Next.js for each request:
 * - a fresh request id (an incoming one is ignored: a client could choose one to confuse the logs), in
 *   the `x-request-id` response header and in every log line written while the request is handled;
 * - the client's address in the internal header that rate limits read, after deleting whatever the
 *   client sent in it;
 * - while the database is known to be down, the "service unavailable" page (503) without calling
 *   Next.js; and a 500 from Next.js becomes that page when the database turns out to be down now;
 * - one access log line when the response is finished (or the client went away).
 */
export function createRequestHandler(
  options: RequestHandlingOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const { next, logger, health, trustedProxyHeader } = options;
  return (req, res) => {
    const requestId = randomUUID();
    const started = process.hrtime.bigint();
    const path = (req.url ?? "/").split("?")[0] ?? "/";

    delete req.headers[CLIENT_ADDRESS_HEADER];
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf(req.headers, req.socket.remoteAddress, trustedProxyHeader);
    res.setHeader("x-request-id", requestId);

    let logged = false;
    const accessLog = () => {
      if (logged) return;
      logged = true;
      const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
      // The path only (a query string may hold anything); the logger scrubs tokens in it.
      logger.info(
        {
          requestId,
          method: req.method,
          path,
          status: res.statusCode,
          durationMs,
          ...(res.writableFinished ? {} : { aborted: true }),
        },
        "request",
      );
    };
    res.once("finish", accessLog);
    res.once("close", accessLog);

    withLogContext({ requestId }, () => {
      if (!isStaticAsset(path) && path !== "/api/health" && health.current === "down") {
        sendUnavailable(
          res.writeHead.bind(res) as ServerResponse["writeHead"],
          (body) => res.end(body),
          requestId,
          req.method,
        );
        return;
      }
      holdServerErrors(res, async () => {
        // A page failed: is the database the reason? Ask it now rather than wait for the next check.
        if ((await health.check()) === "up") return false;
        return ({ writeHead, end }) => sendUnavailable(writeHead, end, requestId, req.method);
      });
      next(req, res).catch((error: unknown) => {
        logger.error({ err: error }, "the request could not be handled");
        if (!res.headersSent) {
          res.statusCode = 500;
          res.end();
        }
      });
    });
  };
}
