/** What the audit needs to report progress. In the action this is @actions/core; in tests, a recorder. */
export interface Logger {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
}

/** A logger that keeps nothing, for callers that do not care. */
export const silentLogger: Logger = { info: () => {}, warning: () => {}, debug: () => {} }
