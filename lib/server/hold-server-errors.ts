import type { OutgoingHttpHeaders, ServerResponse } from "node:http";

/**
 * Holds back a response that Next.js is about to send with status 500, until `decide` says whether to
 * send it as it is or replace it (by writing another response itself). Anything else passes straight
 * through, unbuffered. A 500 is only known once Next.js starts writing, so writeHead,
 * write, end and flushHeaders are intercepted on this one response; a held response is small (an error
 * page), so buffering it costs nothing.
 *
 * `decide` gets the original methods, to send a replacement; returning false sends the held 500.
 */
export type Replace = (original: { writeHead: ServerResponse["writeHead"]; end: (body: string) => void }) => void;

export function holdServerErrors(res: ServerResponse, decide: () => Promise<Replace | false>): void {
  const original = {
    writeHead: res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse,
    write: res.write.bind(res) as (...args: unknown[]) => boolean,
    end: res.end.bind(res) as (...args: unknown[]) => ServerResponse,
    flushHeaders: res.flushHeaders.bind(res),
  };
  let mode: "undecided" | "pass" | "hold" = "undecided";
  let heldHead: unknown[] | undefined;
  const heldChunks: unknown[][] = [];

  /** Called when Next.js first writes: from here on the status is what it means to send. */
  const choose = (statusFromWriteHead?: number) => {
    if (mode !== "undecided") return;
    const status = statusFromWriteHead ?? res.statusCode;
    mode = status === 500 ? "hold" : "pass";
  };

  const release = async () => {
    let replacement: Replace | false = false;
    try {
      replacement = await decide();
    } catch {
      replacement = false;
    }
    // From here on the wrappers stay in place but pass everything through: Next.js (its compression, for
    // one) may have wrapped these methods again on top of ours, so they are never swapped back.
    mode = "pass";
    if (replacement) {
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      replacement({ writeHead: original.writeHead as ServerResponse["writeHead"], end: (body) => original.end(body) });
      return;
    }
    if (heldHead) original.writeHead(...heldHead);
    for (const chunk of heldChunks) original.write(...chunk);
    original.end();
  };

  res.writeHead = ((statusCode: number, ...rest: unknown[]) => {
    choose(statusCode);
    if (mode === "pass") return original.writeHead(statusCode, ...rest);
    heldHead = [statusCode, ...rest];
    return res;
  }) as ServerResponse["writeHead"];

  res.flushHeaders = () => {
    choose();
    if (mode === "pass") original.flushHeaders();
  };

  res.write = ((...args: unknown[]) => {
    choose();
    if (mode === "pass") return original.write(...args);
    // Keep the data, call any callback: Next.js must not wait for a drain that will not come.
    const callback = args.find((a) => typeof a === "function") as (() => void) | undefined;
    heldChunks.push(args.filter((a) => typeof a !== "function"));
    if (callback) queueMicrotask(callback);
    return true;
  }) as ServerResponse["write"];

  res.end = ((...args: unknown[]) => {
    choose();
    if (mode === "pass") return original.end(...args);
    const callback = args.find((a) => typeof a === "function") as (() => void) | undefined;
    const data = args.filter((a) => typeof a !== "function");
    if (data.length > 0 && data[0] !== undefined && data[0] !== null) heldChunks.push(data);
    if (callback) res.once("finish", callback);
    void release();
    return res;
  }) as ServerResponse["end"];
}

/** Headers for a response that must never be cached or sniffed. */
export function uncachedHtmlHeaders(extra: OutgoingHttpHeaders = {}): OutgoingHttpHeaders {
  return {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    ...extra,
  };
}
