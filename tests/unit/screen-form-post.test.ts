import { describe, expect, it } from "vitest";
import { screenFormPost } from "@/lib/http/screen-form-post";

function post(body: BodyInit, headers: Record<string, string>): Request {
  return new Request("http://portal.test/register", { method: "POST", body, headers });
}

function sized(body: string, headers: Record<string, string>): Request {
  return post(body, { ...headers, "content-length": String(new TextEncoder().encode(body).byteLength) });
}

describe("screening a form post before Next.js sees it", () => {
  it("lets an ordinary form through", async () => {
    expect(
      await screenFormPost(
        sized("fullName=Ada&email=a%40b.nhs.uk", { "content-type": "application/x-www-form-urlencoded" }),
      ),
    ).toEqual({ ok: true });
  });

  it("lets a well-formed multipart form through, whatever the case of its boundary", async () => {
    const body = '--AbCdEf\r\nContent-Disposition: form-data; name="fullName"\r\n\r\nAda\r\n--AbCdEf--\r\n';
    expect(await screenFormPost(sized(body, { "content-type": "multipart/form-data; boundary=AbCdEf" }))).toEqual({
      ok: true,
    });
  });

  it("lets a server action's JSON arguments through", async () => {
    expect(
      await screenFormPost(sized('["$K1"]', { "content-type": "text/plain;charset=UTF-8", "next-action": "abc" })),
    ).toEqual({ ok: true });
  });

  it("refuses a body larger than the limit, by its declared length or its real one", async () => {
    expect(
      await screenFormPost(sized("x".repeat(2000), { "content-type": "application/x-www-form-urlencoded" }), 1000),
    ).toEqual({ ok: false, status: 413 });
    const lying = post("x".repeat(2000), {
      "content-type": "application/x-www-form-urlencoded",
      "content-length": "10",
    });
    expect(await screenFormPost(lying, 1000)).toEqual({ ok: false, status: 413 });
  });

  it("refuses a body with no length", async () => {
    const stream = new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode("a=1")), c.close()) });
    const request = new Request("http://portal.test/register", {
      method: "POST",
      body: stream,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      duplex: "half",
    } as RequestInit);
    expect(await screenFormPost(request)).toEqual({ ok: false, status: 411 });
  });

  it.each([
    [
      "a multipart body that breaks off",
      '--XYZ\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--XYZ\r\nbroken',
      { "content-type": "multipart/form-data; boundary=XYZ" },
    ],
    ["multipart without a boundary", "x", { "content-type": "multipart/form-data" }],
    ["action arguments that are not JSON", "{{{", { "content-type": "text/plain", "next-action": "abc" }],
  ])("refuses %s as unreadable", async (_label, body, headers) => {
    expect(await screenFormPost(sized(body, headers))).toEqual({ ok: false, status: 400 });
  });
});
