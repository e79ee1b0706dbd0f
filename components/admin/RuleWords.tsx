import type { ConditionWords, CriterionWords } from "@/lib/studies/describe-eligibility-rules";

function Condition({ words }: { words: ConditionWords }) {
  return (
    <>
      {words.text}
      {words.parts.length > 0 ? (
        <ul className="nhsuk-list nhsuk-list--bullet nhsuk-u-margin-bottom-0">
          {words.parts.map((part, index) => (
            <li key={index}>
              <Condition words={part} />
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** Eligibility criteria in words: what the public reads, the condition, and the reason given when unmet. */
export function RuleWords({ criteria, headingLevel = 3 }: { criteria: CriterionWords[]; headingLevel?: 3 | 4 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <ol className="nhsuk-list nhsuk-list--number">
      {criteria.map((c) => (
        <li key={c.id} className="nhsuk-u-margin-bottom-4">
          <Heading className="nhsuk-heading-s nhsuk-u-margin-bottom-2">{c.description}</Heading>
          <dl className="app-rule">
            <dt>Met when</dt>
            <dd>
              <Condition words={c.condition} />
            </dd>
            <dt>If not met, the person is told</dt>
            <dd>{c.unmetReason}</dd>
            <dt>Criterion id</dt>
            <dd>
              <code>{c.id}</code>
            </dd>
          </dl>
        </li>
      ))}
    </ol>
  );
}
