/**
 * Participant information sheets are stored in a tiny Markdown subset: `## Heading` lines, paragraphs
 * separated by blank lines, and runs of `- ` bullet lines. Everything else, HTML included, is plain text:
 * the blocks hold text only, for React or the PDF writer to place, so nothing in a sheet can ever run.
 */

export type DocumentBlock =
  { kind: "heading"; text: string } | { kind: "paragraph"; text: string } | { kind: "list"; items: string[] };

const HEADING = /^## +(\S.*)$/;
const BULLET = /^- +(\S.*)$/;

export function parseDocument(content: string): DocumentBlock[] {
  const blocks: DocumentBlock[] = [];
  let paragraph: string[] = [];
  let list: string[] = [];

  // A heading or a bullet ends the paragraph above it even without a blank line, as in Markdown, so that a
  // forgotten blank line cannot swallow a heading into a paragraph.
  const closeParagraph = () => {
    if (paragraph.length > 0) blocks.push({ kind: "paragraph", text: paragraph.join(" ") });
    paragraph = [];
  };
  const closeList = () => {
    if (list.length > 0) blocks.push({ kind: "list", items: list });
    list = [];
  };

  // A byte-order mark and Windows or old Mac line endings come from files edited elsewhere.
  const lines = content.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  for (const rawLine of lines) {
    const line = rawLine.trim();
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    if (line === "") {
      closeParagraph();
      closeList();
    } else if (heading?.[1] !== undefined) {
      closeParagraph();
      closeList();
      blocks.push({ kind: "heading", text: heading[1] });
    } else if (bullet?.[1] !== undefined) {
      closeParagraph();
      list.push(bullet[1]);
    } else {
      closeList();
      paragraph.push(line);
    }
  }
  closeParagraph();
  closeList();
  return blocks;
}
