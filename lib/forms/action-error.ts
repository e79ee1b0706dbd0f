/**
 * A dashboard request that cannot be carried out for a reason the researcher can act on ("that version
 * already exists", "you cannot disable yourself"). The message is written for them and safe to show;
 * `field` names the form field it is about, when there is one. Anything unexpected is a plain Error and
 * shows a generic message instead.
 */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
