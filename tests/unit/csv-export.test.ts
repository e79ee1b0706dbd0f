import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvDownloadHeaders, csvStream } from "@/lib/exports/csv-stream";
import { neutraliseCell, neutraliseRow } from "@/lib/exports/neutralise-cell";
import { parseCsv } from "../support/parse-csv";

describe("neutraliseCell", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ['=HYPERLINK("http://evil.example","x")', `'=HYPERLINK("http://evil.example","x")`],
    ["+44 7700 900000", "'+44 7700 900000"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
    ["＝1+1", "'＝1+1"],
  ])("puts an apostrophe before %j", (value, expected) => {
    expect(neutraliseCell(value)).toBe(expected);
  });

  it.each(["Ada Lovelace", "Siân O'Brien-Jones", "a=b", "1+1", "", " =1", "'=already"])(
    "leaves %j as it is",
    (value) => {
      expect(neutraliseCell(value)).toBe(value);
    },
  );

  it("writes nothing for a missing value, and numbers and booleans as text", () => {
    expect(neutraliseRow([null, undefined, 12, -3, true])).toEqual(["", "", "12", "'-3", "true"]);
  });

  it("never leaves a cell starting with a formula character, and only ever adds the one apostrophe", () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const out = neutraliseCell(value);
        expect(/^[=+\-@\t\r]/.test(out)).toBe(false);
        expect(out === value || out === `'${value}`).toBe(true);
      }),
    );
  });
});

describe("csvStream", () => {
  async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
    return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
  }

  it("starts with a byte-order mark and the header, quotes what needs quoting and ends lines with CRLF (quoting any line break inside a cell)", async () => {
    const stream = csvStream(["Name", "Note"], async () => ({
      rows: [
        ['Ada "the first", Lovelace', "line one\nline two"],
        ["=cmd", null],
      ],
      next: null,
    }));
    const csv = await text(stream);
    expect(csv).toBe('\uFEFFName,Note\r\n"Ada ""the first"", Lovelace","line one\nline two"\r\n\'=cmd,\r\n');
    expect(parseCsv(csv.slice(1))).toEqual([
      ["Name", "Note"],
      ['Ada "the first", Lovelace', "line one\nline two"],
      ["'=cmd", ""],
    ]);
  });

  it("reads the next batch only when the reader wants more", async () => {
    const asked: (number | null)[] = [];
    const stream = csvStream<number>(["n"], async (after) => {
      asked.push(after);
      const start = after ?? 0;
      return { rows: [[start + 1], [start + 2]], next: start + 2 < 6 ? start + 2 : null };
    });
    const reader = stream.getReader();
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    expect(decoder.decode((await reader.read()).value)).toBe("\uFEFFn\r\n");
    // The stream keeps at most one chunk ready: having read the header, one batch at most has been read.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(asked.length).toBeLessThanOrEqual(1);
    expect(decoder.decode((await reader.read()).value)).toBe("1\r\n2\r\n");
    const rest: string[] = [];
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      rest.push(decoder.decode(chunk.value));
    expect(rest.join("")).toBe("3\r\n4\r\n5\r\n6\r\n");
    expect(asked).toEqual([null, 2, 4]);
  });

  it("downloads as an attachment, never cached", () => {
    expect(csvDownloadHeaders("volunteers-2026-11-26.csv")).toMatchObject({
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="volunteers-2026-11-26.csv"',
      "Cache-Control": "no-store",
    });
  });
});
