import { escapeHtml as e } from "@/lib/text/escape-html";
import type { CaughtMessage } from "./caught-message";

/** The mail catcher's web pages: plain HTML, every value escaped, readable without any script. */

const STYLE = `
  body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem; color: #212b32; line-height: 1.5; }
  a { color: #005eb8; } a:focus { outline: 3px solid #ffeb3b; background: #ffeb3b; color: #212b32; }
  table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .5rem; border-bottom: 1px solid #d8dde0; vertical-align: top; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; } dt { font-weight: 600; } dd { margin: 0; }
  pre { white-space: pre-wrap; word-break: break-word; background: #f0f4f5; padding: 1rem; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  iframe { width: 100%; height: 40rem; border: 1px solid #d8dde0; background: #fff; }
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title><style>${STYLE}</style></head>
<body><main>
${body}
</main></body>
</html>`;
}

const formatTime = (d: Date) =>
  d.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "long", timeZone: "Europe/London" });

export function renderMessageList(messages: readonly CaughtMessage[]): string {
  const intro = `<h1>Mail catcher</h1>
<p>Emails the portal sent in development. Nothing here was delivered.</p>
<p><a href="/">Refresh the list</a></p>`;
  if (messages.length === 0) return layout("Mail catcher", `${intro}\n<p>No emails yet.</p>`);
  const rows = messages
    .map(
      (m) => `<tr><td>${e(m.to.join(", "))}</td>
<td><a href="/messages/${encodeURIComponent(m.id)}">${e(m.subject || "(no subject)")}</a></td>
<td><time datetime="${e(m.date.toISOString())}">${e(formatTime(m.date))}</time></td></tr>`,
    )
    .join("\n");
  return layout(
    "Mail catcher",
    `${intro}
<table>
<caption class="visually-hidden">${messages.length} ${messages.length === 1 ? "email" : "emails"}, newest first</caption>
<thead><tr><th scope="col">To</th><th scope="col">Subject</th><th scope="col">Received</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`,
  );
}

export function renderMessage(m: CaughtMessage): string {
  const subject = m.subject || "(no subject)";
  const attachments = m.attachments.length
    ? `<ul>${m.attachments
        .map(
          (a, i) => `<li><a href="/messages/${encodeURIComponent(m.id)}/attachments/${i}">${e(a.filename)}</a>
(${e(a.contentType)}, ${a.content.length.toLocaleString("en-GB")} bytes)</li>`,
        )
        .join("\n")}</ul>`
    : "<p>None.</p>";
  // srcdoc with an empty sandbox: the email's HTML is shown in an opaque origin where scripts never run.
  const html = m.html
    ? `<iframe sandbox srcdoc="${e(m.html)}" title="The HTML version of the email"></iframe>`
    : "<p>This email has no HTML version.</p>";
  return layout(
    `${subject} – Mail catcher`,
    `<p><a href="/">Back to all emails</a></p>
<h1>${e(subject)}</h1>
<dl>
<dt>From</dt><dd>${e(m.from)}</dd>
<dt>To</dt><dd>${e(m.to.join(", "))}</dd>
<dt>Subject</dt><dd>${e(subject)}</dd>
<dt>Date</dt><dd><time datetime="${e(m.date.toISOString())}">${e(formatTime(m.date))}</time></dd>
</dl>
<h2>Plain text</h2>
<pre>${e(m.text)}</pre>
<h2>HTML</h2>
${html}
<h2>Attachments</h2>
${attachments}`,
  );
}

export function renderNotFound(): string {
  return layout(
    "Not found – Mail catcher",
    `<h1>Not found</h1>\n<p>There is no such email. <a href="/">See all emails</a>.</p>`,
  );
}
