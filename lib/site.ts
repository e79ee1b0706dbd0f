/** Site-wide constants for the public shell. Not personal data: published contact details. */
export const SERVICE_NAME = "Bi-directional learning research";

export const ORGANISATIONS = "THET and Imperial College London";

export const STUDY_CONTACT = {
  name: "Mark Skopec",
  email: "mark.skopec17@imperial.ac.uk",
} as const;
