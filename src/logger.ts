/**
 * What the audit needs to report progress. In the action this is @actions/core; in tests, a
 * recorder. A leaf: every room may import it, and it imports nothing of theirs.
 */
export interface Logger {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
}

/** A logger that keeps nothing, for callers that do not care. */
export const silentLogger: Logger = { info: () => {}, warning: () => {}, debug: () => {} }

/** A logger whose every line passes through `redact` first (text/public-log.ts gives the run's). */
export function redactingLogger(base: Logger, redact: (message: string) => string): Logger {
  return {
    info: (m) => base.info(redact(m)),
    warning: (m) => base.warning(redact(m)),
    debug: (m) => base.debug(redact(m))
  }
}
