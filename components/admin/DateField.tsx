import { describedBy } from "@/components/nhs/utils";
import { ErrorMessage, FormGroup, Hint, Label } from "@/components/nhs";

/**
 * A date as the browser's own date picker (it sends YYYY-MM-DD, shown in the reader's format), with label,
 * hint and error. Works without JavaScript; keyboard and screen-reader support come with the browser.
 */
export function DateField({
  id,
  name,
  label,
  hint,
  error,
  defaultValue,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
}) {
  return (
    <FormGroup error={Boolean(error)}>
      <Label htmlFor={id}>{label}</Label>
      {hint ? <Hint id={`${id}-hint`}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      <input
        className={`nhsuk-input nhsuk-input--width-10${error ? " nhsuk-input--error" : ""}`}
        type="date"
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
        aria-invalid={error ? true : undefined}
      />
    </FormGroup>
  );
}
