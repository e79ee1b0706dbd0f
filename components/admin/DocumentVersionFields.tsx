import { TextInput } from "@/components/nhs";
import { DateField } from "./DateField";

type Props = { values: Record<string, string | undefined>; errors: Record<string, string> };

/** The version, version date and title every versioned study document (information sheet, consent form) has. */
export function DocumentVersionFields({ values, errors }: Props) {
  return (
    <>
      <TextInput
        id="version"
        name="version"
        label="Version"
        labelSize="s"
        hint="As the ethics committee knows it, like 2.0"
        width={10}
        autoComplete="off"
        defaultValue={values.version}
        error={errors.version}
      />
      <DateField
        id="versionDate"
        name="versionDate"
        label="Version date"
        defaultValue={values.versionDate}
        error={errors.versionDate}
      />
      <TextInput
        id="title"
        name="title"
        label="Title"
        labelSize="s"
        autoComplete="off"
        defaultValue={values.title}
        error={errors.title}
      />
    </>
  );
}
