export type DataChoice = "KEEP" | "REMOVE";

/** What happens to the information a participant has given, in the participant's own terms. */
export function dataChoiceForParticipant(choice: DataChoice): string {
  return choice === "KEEP"
    ? "You asked us to keep your information. We will keep and use the information you have already given, as explained in the information sheet."
    : "You asked us to remove your information. We will remove the information you have given where this is still possible. Information already anonymised and used in analysis may not be removable.";
}

/** The same choice, as what the study team has to do. */
export function dataChoiceForTeam(choice: DataChoice): string {
  return choice === "KEEP"
    ? "Keep: keep and use the information they have already given, as explained in the information sheet."
    : "Remove: remove the information they have given where this is still possible. Information already anonymised and used in analysis may not be removable. Keep the signed consent form.";
}
