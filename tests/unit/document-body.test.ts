import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DocumentBody } from "@/components/documents/DocumentBody";
import { parseDocument } from "@/lib/documents/parse-document";

describe("DocumentBody", () => {
  it("renders headings, paragraphs and lists with NHS classes", () => {
    const blocks = parseDocument("## What happens\n\nFirst line\nsecond line\n\n- one\n- two");
    expect(renderToStaticMarkup(createElement(DocumentBody, { blocks }))).toBe(
      '<h2 class="nhsuk-heading-m">What happens</h2><p>First line second line</p>' +
        '<ul class="nhsuk-list nhsuk-list--bullet"><li>one</li><li>two</li></ul>',
    );
  });

  it("uses the heading level it is given", () => {
    const html = renderToStaticMarkup(
      createElement(DocumentBody, { blocks: parseDocument("## Title"), headingLevel: 3 }),
    );
    expect(html).toBe('<h3 class="nhsuk-heading-m">Title</h3>');
  });

  it("shows HTML in a document as text, never as markup", () => {
    const blocks = parseDocument('## <i>x</i>\n\n<script>alert("x")</script>\n\n- <img src=x onerror=alert(1)>');
    const html = renderToStaticMarkup(createElement(DocumentBody, { blocks }));
    expect(html).not.toMatch(/<script|<img|<i>/);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("renders nothing for an empty document", () => {
    expect(renderToStaticMarkup(createElement(DocumentBody, { blocks: [] }))).toBe("");
  });
});
