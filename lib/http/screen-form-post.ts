/**
 * Checks a POST before Next.js handles it. Next.js answers an oversized or unreadable server-action body
 * with a 500; people and monitoring should see what it is instead: 413 (too large) or 400 (unreadable),
 * and nothing reaches the application. Pure, so it can be tested without a server.
 */
export const MAX_FORM_BYTES = 256 * 1024;

export type Screening = { ok: true } | { ok: false; status: 400 | 411 | 413 };

async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  max: number,
): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return all;
}

export async function screenFormPost(request: Request, max = MAX_FORM_BYTES): Promise<Screening> {
  // Browsers always give a form's length. A body without one (chunked) is refused rather than read:
  // Next.js would wait for all of it before answering, however large it grew.
  const declared = request.headers.get("content-length");
  if (declared === null) return { ok: false, status: 411 };
  if (!(Number(declared) <= max)) return { ok: false, status: 413 };
  const bytes = await readCapped(request.body, max);
  if (bytes === null) return { ok: false, status: 413 };

  // The multipart boundary is case-sensitive: compare in lower case, parse with the header as sent.
  const type = request.headers.get("content-type") ?? "";
  const kind = type.toLowerCase();
  try {
    if (kind.startsWith("multipart/form-data") || kind.startsWith("application/x-www-form-urlencoded")) {
      await new Response(bytes, { headers: { "content-type": type } }).formData();
    } else if (request.headers.has("next-action")) {
      // A server action called from the browser sends its arguments as JSON text.
      JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    }
  } catch {
    return { ok: false, status: 400 };
  }
  return { ok: true };
}
