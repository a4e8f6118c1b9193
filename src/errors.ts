/**
 * Bad input: a roster, an action input, a token or a permission that stops the run before any
 * write to GitHub. The message is written for the person who has to fix it.
 */
export class InputError extends Error {
  override name = 'InputError'
}

/** The audit ran, but too much could not be checked for its verdicts to be trusted. */
export class IncompleteRunError extends Error {
  override name = 'IncompleteRunError'
}
