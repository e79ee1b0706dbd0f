import { escapeHtml } from "@/lib/text/escape-html";

/**
 * The frame of every email: plain, accessible HTML (language set, real headings and lists, no images,
 * no tracking, readable without styles) with the same words as the plain-text part.
 */
export type EmailBlock =
  | { kind: "heading"; text: string }
  /** Line breaks in the text are kept: as they are in the plain part, as <br> in HTML. */
  | { kind: "paragraph"; text: string }
  | { kind: "list"; items: readonly string[] }
  /** A link shown in full: "text: href" in both parts, the whole of it the link in HTML. Only http(s). */
  | { kind: "link"; text: string; href: string };

/** Throws unless href is a plain absolute http(s) address: no javascript:, mailto:, relative paths or spaces. */
export function checkLinkHref(href: string): string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    throw new Error(`Email links must be absolute http(s) addresses, not ${JSON.stringify(href)}`);
  }
  // URL() silently drops tabs and line breaks, so an address that contains them is refused, not repaired.
  if ((url.protocol !== "http:" && url.protocol !== "https:") || /[\s\p{Cc}]/u.test(href)) {
    throw new Error(`Email links must be absolute http(s) addresses, not ${JSON.stringify(href)}`);
  }
  return href;
}

function linkLabel(b: { text: string; href: string }): string {
  return b.text === b.href ? b.href : `${b.text}: ${b.href}`;
}

function withLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

export function renderEmail(title: string, blocks: EmailBlock[]): { text: string; html: string } {
  for (const b of blocks) if (b.kind === "link") checkLinkHref(b.href);

  const text = blocks
    .map((b) => {
      switch (b.kind) {
        case "heading":
          return `${b.text}\n${"-".repeat(Math.min(b.text.length, 70))}`;
        case "paragraph":
          return withLineBreaks(b.text);
        case "list":
          return b.items.map((i) => `- ${i}`).join("\n");
        case "link":
          return linkLabel(b);
      }
    })
    .join("\n\n");

  const body = blocks
    .map((b) => {
      switch (b.kind) {
        case "heading":
          return `<h2 style="font-size:20px;margin:24px 0 8px">${escapeHtml(b.text)}</h2>`;
        case "paragraph":
          return `<p style="margin:0 0 16px">${withLineBreaks(escapeHtml(b.text)).replace(/\n/g, "<br>")}</p>`;
        case "list":
          return `<ul style="margin:0 0 16px;padding-left:20px">${b.items.map((i) => `<li style="margin-bottom:8px">${escapeHtml(i)}</li>`).join("")}</ul>`;
        case "link":
          return `<p style="margin:0 0 16px"><a href="${escapeHtml(b.href)}" style="color:#005eb8;overflow-wrap:anywhere">${escapeHtml(linkLabel(b))}</a></p>`;
      }
    })
    .join("\n");

  const html = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
</head>
<body style="margin:0;padding:0;background:#f0f4f5">
<div role="article" aria-label="${escapeHtml(title)}" style="max-width:600px;margin:0 auto;padding:24px;background:#ffffff;color:#212b32;font-family:Arial,sans-serif;font-size:16px;line-height:1.5">
<h1 style="font-size:24px;margin:0 0 16px">${escapeHtml(title)}</h1>
${body}
</div>
</body>
</html>`;
  return { text: `${title}\n${"=".repeat(Math.min(title.length, 70))}\n\n${text}\n`, html };
}
