/**
 * The answer options of the registration questions: their stored values and the words people see.
 * Values are stable codes (they are stored and filtered on); labels can be reworded freely.
 */
export type Option<V extends string = string> = { value: V; label: string; hint?: string };

function values<V extends string>(options: readonly Option<V>[]): [V, ...V[]] {
  return options.map((o) => o.value) as [V, ...V[]];
}

export function labelOf(options: readonly Option[], value: string | undefined): string {
  return options.find((o) => o.value === value)?.label ?? value ?? "";
}

export const yesNoOptions = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
] as const satisfies readonly Option[];

export const participationOptions = [
  { value: "current", label: "Yes, I am taking part now" },
  { value: "past", label: "Yes, I have taken part in the past" },
  { value: "never", label: "No, never" },
] as const satisfies readonly Option[];

export const staffGroupOptions = [
  { value: "doctor", label: "Doctor or dentist" },
  { value: "nurse", label: "Nurse or health visitor" },
  { value: "midwife", label: "Midwife" },
  {
    value: "allied-health-professional",
    label: "Allied health professional",
    hint: "For example, physiotherapist, paramedic, radiographer or dietitian",
  },
  { value: "healthcare-scientist", label: "Healthcare scientist" },
  { value: "pharmacy", label: "Pharmacist or pharmacy technician" },
  { value: "clinical-support", label: "Healthcare assistant or other clinical support" },
  { value: "management-administration", label: "Manager or administrator" },
  { value: "other", label: "Another staff group" },
] as const satisfies readonly Option[];

export const regionOptions = [
  { value: "london", label: "London" },
  { value: "south-east", label: "South East" },
  { value: "south-west", label: "South West" },
  { value: "east-of-england", label: "East of England" },
  { value: "midlands", label: "Midlands" },
  { value: "north-west", label: "North West" },
  { value: "north-east-yorkshire", label: "North East and Yorkshire" },
  { value: "scotland", label: "Scotland" },
  { value: "wales", label: "Wales" },
  { value: "northern-ireland", label: "Northern Ireland" },
] as const satisfies readonly Option[];

export const workshopFormatOptions = [
  { value: "online", label: "Online" },
  { value: "in-person", label: "In person" },
  { value: "either", label: "Either is fine" },
] as const satisfies readonly Option[];

export const heardFromOptions = [
  { value: "thet", label: "THET (website, newsletter or social media)" },
  { value: "imperial", label: "Imperial College London" },
  { value: "partnership", label: "My health partnership" },
  { value: "employer", label: "My NHS employer" },
  { value: "colleague", label: "A colleague" },
  { value: "other", label: "Somewhere else" },
] as const satisfies readonly Option[];

export const yesNo = values(yesNoOptions);
export const participation = values(participationOptions);
export const staffGroups = values(staffGroupOptions);
export const regions = values(regionOptions);
export const workshopFormats = values(workshopFormatOptions);
export const heardFrom = values(heardFromOptions);
