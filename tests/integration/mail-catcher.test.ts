import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMailCatcher, type MailCatcher } from "@/lib/dev/mail-catcher";
import { MailCatcherError } from "@/lib/dev/mail-catcher-error";
import { createMailTransport, sendOutgoingEmail, type MailTransport } from "@/lib/email/transport";
import { freePort } from "../support/free-port";

// Ports of this file alone (integration test files run in parallel).
const SMTP_PORT = await freePort();
const WEB_PORT = await freePort();

let mail: MailCatcher;
let transport: MailTransport;

beforeAll(async () => {
  mail = await startMailCatcher({ smtpPort: SMTP_PORT, webPort: WEB_PORT });
  transport = createMailTransport(mail.smtpUrl);
});
afterAll(async () => {
  transport.close();
  await mail.stop();
});
beforeEach(async () => {
  await fetch(`${mail.webUrl}/api/messages`, { method: "DELETE" });
});

const page = async (path: string) => {
  const response = await fetch(`${mail.webUrl}${path}`);
  return { status: response.status, headers: response.headers, body: await response.text() };
};

const send = (subject: string, html = "<p>Hello <strong>there</strong></p>") =>
  sendOutgoingEmail(
    transport,
    { toAddress: "volunteer@example.nhs.uk", subject, textBody: "Hello there\nSecond line", htmlBody: html },
    [{ filename: "consent form.pdf", contentType: "application/pdf", content: new TextEncoder().encode("%PDF-1.7") }],
    "Research team <no-reply@localhost>",
  );

type ApiMessage = {
  id: string;
  from: string;
  to: string[];
  subject: string;
  date: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; size: number }[];
};
const apiMessages = async () => (await (await fetch(`${mail.webUrl}/api/messages`)).json()) as ApiMessage[];

describe("the mail catcher's pages", () => {
  it("lists caught emails, newest first, with who they were for and a link to each", async () => {
    await send("First email");
    await send("Second email");
    const { status, headers, body } = await page("/");

    expect(status).toBe(200);
    expect(headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(body).toContain('<html lang="en-GB">');
    expect(body).toContain("<h1>Mail catcher</h1>");
    expect(body).toContain("Emails the portal sent in development. Nothing here was delivered.");
    expect(body).toContain("volunteer@example.nhs.uk");
    const [second, first] = await apiMessages();
    expect(body.indexOf("Second email")).toBeLessThan(body.indexOf("First email"));
    expect(body).toContain(`<a href="/messages/${first?.id}">First email</a>`);
    expect(body).toContain(`<a href="/messages/${second?.id}">Second email</a>`);
  });

  it("says when there is nothing yet", async () => {
    expect((await page("/")).body).toContain("No emails yet.");
  });

  it("shows an email's headers, its text, and its HTML in a sandbox where scripts cannot run", async () => {
    await send("Your consent form", `<p onclick="alert(1)">Read "this" & sign</p><script>alert(2)</script>`);
    const [message] = await apiMessages();
    const { status, headers, body } = await page(`/messages/${message?.id}`);

    expect(status).toBe(200);
    expect(headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(body).toContain("<h1>Your consent form</h1>");
    expect(body).toContain("&quot;Research team&quot; &lt;no-reply@localhost&gt;");
    expect(body).toContain("<pre>Hello there\nSecond line</pre>");
    const iframe = /<iframe([^>]*)>/.exec(body)?.[1] ?? "";
    expect(iframe).toMatch(/\ssandbox\s/);
    expect(iframe).not.toContain("allow-");
    expect(iframe).toContain(
      'srcdoc="&lt;p onclick=&quot;alert(1)&quot;&gt;Read &quot;this&quot; &amp; sign&lt;/p&gt;&lt;script&gt;alert(2)&lt;/script&gt;"',
    );
    expect(body).not.toContain("<script");
  });

  it("escapes a subject that contains markup, on the list and on the email's page", async () => {
    await send(`<script>alert("x")</script> & more`);
    const [message] = await apiMessages();
    for (const path of ["/", `/messages/${message?.id}`]) {
      const { body } = await page(path);
      expect(body).not.toContain("<script");
      expect(body).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more");
    }
  });

  it("offers attachments for download", async () => {
    await send("With an attachment");
    const [message] = await apiMessages();
    const { body } = await page(`/messages/${message?.id}`);
    expect(body).toContain(`<a href="/messages/${message?.id}/attachments/0">consent form.pdf</a>`);

    const response = await fetch(`${mail.webUrl}/messages/${message?.id}/attachments/0`);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toContain('attachment; filename="consent form.pdf"');
    expect(await response.text()).toBe("%PDF-1.7");
    expect((await page(`/messages/${message?.id}/attachments/1`)).status).toBe(404);
  });

  it("answers 404 for an email it does not have", async () => {
    const { status, body } = await page("/messages/99999");
    expect(status).toBe(404);
    expect(body).toContain("There is no such email.");
  });
});

describe("the mail catcher's JSON API", () => {
  it("returns every email, newest first, and forgets them all when asked", async () => {
    await send("One");
    await send("Two");
    const messages = await apiMessages();
    expect(messages.map((m) => m.subject)).toEqual(["Two", "One"]);
    expect(messages[0]).toEqual({
      id: expect.any(String),
      from: '"Research team" <no-reply@localhost>',
      to: ["volunteer@example.nhs.uk"],
      subject: "Two",
      date: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      text: "Hello there\nSecond line",
      html: "<p>Hello <strong>there</strong></p>",
      attachments: [{ filename: "consent form.pdf", contentType: "application/pdf", size: 8 }],
    });

    const cleared = await fetch(`${mail.webUrl}/api/messages`, { method: "DELETE" });
    expect(cleared.status).toBe(204);
    expect(await apiMessages()).toEqual([]);
    expect(mail.messages()).toEqual([]);
  });
});

describe("starting the mail catcher", () => {
  it("explains a port that is taken, naming the setting to change", async () => {
    const attempt = startMailCatcher({ smtpPort: SMTP_PORT, webPort: 25260 });
    await expect(attempt).rejects.toBeInstanceOf(MailCatcherError);
    await expect(attempt).rejects.toThrow(`Port ${SMTP_PORT} is already in use`);
    await expect(attempt).rejects.toThrow(`MAIL_CATCHER_SMTP_PORT=${SMTP_PORT + 1}`);
  });

  it("listens on this machine only", () => {
    expect(mail.smtpUrl).toBe(`smtp://127.0.0.1:${SMTP_PORT}`);
    expect(mail.webUrl).toBe(`http://127.0.0.1:${WEB_PORT}`);
  });
});
