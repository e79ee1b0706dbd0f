import { Heading } from "@/components/nhs/Heading";
import type { HeadingLevel } from "@/components/nhs/utils";
import type { DocumentBlock } from "@/lib/documents/parse-document";

export type DocumentBodyProps = {
  blocks: DocumentBlock[];
  /** Level of the document's own headings, one below the page's heading. Default 2. */
  headingLevel?: HeadingLevel;
};

/** A parsed document (an information sheet) as page content. Text only: React escapes all of it. */
export function DocumentBody({ blocks, headingLevel = 2 }: DocumentBodyProps) {
  return (
    <>
      {blocks.map((block, index) => {
        // The blocks of a stored document never move, so their position is a stable key.
        switch (block.kind) {
          case "heading":
            return (
              <Heading key={index} level={headingLevel} className="nhsuk-heading-m">
                {block.text}
              </Heading>
            );
          case "paragraph":
            return <p key={index}>{block.text}</p>;
          case "list":
            return (
              <ul key={index} className="nhsuk-list nhsuk-list--bullet">
                {block.items.map((item, itemIndex) => (
                  <li key={itemIndex}>{item}</li>
                ))}
              </ul>
            );
        }
      })}
    </>
  );
}
