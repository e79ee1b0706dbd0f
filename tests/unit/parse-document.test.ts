import { describe, expect, it } from "vitest";
import { parseDocument } from "@/lib/documents/parse-document";
import { DRAFT_NOTICE, seedStudies } from "@/lib/seed/study-content";

describe("parseDocument", () => {
  it.each(seedStudies.map((s) => [s.slug, s.informationSheet.content]))(
    "parses the %s information sheet",
    (_slug, content) => {
      const blocks = parseDocument(content);
      expect(blocks[0]).toEqual({ kind: "paragraph", text: DRAFT_NOTICE });
      expect(blocks[1]).toEqual({ kind: "heading", text: "Study title" });
      expect(blocks.filter((b) => b.kind === "heading").length).toBeGreaterThan(10);
      const lists = blocks.filter((b) => b.kind === "list");
      expect(lists.length).toBeGreaterThanOrEqual(2);
      const whatHappens = blocks.findIndex(
        (b) => b.kind === "heading" && b.text === "What will happen to me if I take part?",
      );
      const steps = blocks[whatHappens + 1];
      expect(steps?.kind === "list" && steps.items[0]).toBe(
        "If you are happy to go ahead, you sign the consent form online.",
      );
      // No Markdown syntax survives into the text.
      for (const block of blocks) {
        const texts = block.kind === "list" ? block.items : [block.text];
        for (const text of texts) expect(text).not.toMatch(/^(## |- )|\n/);
      }
    },
  );

  it("joins a paragraph's lines with a space and splits paragraphs at blank lines", () => {
    expect(parseDocument("One\ntwo\n\n\nThree")).toEqual([
      { kind: "paragraph", text: "One two" },
      { kind: "paragraph", text: "Three" },
    ]);
  });

  it("makes a run of bullet lines one list, and a blank line ends it", () => {
    expect(parseDocument("Intro:\n- a\n- b\n\n- c\nAfter")).toEqual([
      { kind: "paragraph", text: "Intro:" },
      { kind: "list", items: ["a", "b"] },
      { kind: "list", items: ["c"] },
      { kind: "paragraph", text: "After" },
    ]);
  });

  it("lets a heading end the paragraph above it without a blank line", () => {
    expect(parseDocument("Text\n## Next")).toEqual([
      { kind: "paragraph", text: "Text" },
      { kind: "heading", text: "Next" },
    ]);
  });

  it("handles Windows and old Mac line endings, a byte-order mark and trailing spaces", () => {
    const expected = [
      { kind: "heading", text: "Title" },
      { kind: "paragraph", text: "Line one line two" },
      { kind: "list", items: ["item"] },
    ];
    expect(parseDocument("\uFEFF## Title  \r\n\r\nLine one  \r\nline two\t\r\n\r\n- item   \r\n")).toEqual(expected);
    expect(parseDocument("## Title\r\rLine one\rline two\r\r- item")).toEqual(expected);
  });

  it("returns nothing for empty or blank input", () => {
    expect(parseDocument("")).toEqual([]);
    expect(parseDocument(" \n\r\n\t\n")).toEqual([]);
  });

  it("keeps everything outside the subset as plain text", () => {
    const content = [
      "# Level one",
      "### Level three",
      "##No space",
      "##",
      "-",
      "-no space",
      "* star bullet",
      "*bold* and **strong** and [link](https://example.org)",
      '<script>alert("x")</script>',
      "<b>not bold</b>",
    ].join("\n\n");
    expect(parseDocument(content)).toEqual([
      { kind: "paragraph", text: "# Level one" },
      { kind: "paragraph", text: "### Level three" },
      { kind: "paragraph", text: "##No space" },
      { kind: "paragraph", text: "##" },
      { kind: "paragraph", text: "-" },
      { kind: "paragraph", text: "-no space" },
      { kind: "paragraph", text: "* star bullet" },
      { kind: "paragraph", text: "*bold* and **strong** and [link](https://example.org)" },
      { kind: "paragraph", text: '<script>alert("x")</script>' },
      { kind: "paragraph", text: "<b>not bold</b>" },
    ]);
    expect(parseDocument("## <script>x</script>\n- <img src=x onerror=alert(1)>")).toEqual([
      { kind: "heading", text: "<script>x</script>" },
      { kind: "list", items: ["<img src=x onerror=alert(1)>"] },
    ]);
  });
});
