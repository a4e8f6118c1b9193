/** What the audit needs to report progress. In the action this is @actions/core; in tests, a recorder. */
import { type Disclosure, redact } from './text/disclosure.js'

export interface Logger {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
}

/** A logger that keeps nothing, for callers that do not care. */
export const silentLogger: Logger = { info: () => {}, warning: () => {}, debug: () => {} }

/**
 * The log of a run whose repository is public is public too: every line goes through the one
 * rule (text/disclosure.ts) with what the run knows so far, so a retry warning about
 * `/users/<login>/…` or a private repository's address never names what a public text may not.
 */
export function redactingLogger(base: Logger, disclosure: () => Disclosure): Logger {
  return {
    info: (m) => base.info(redact(m, disclosure())),
    warning: (m) => base.warning(redact(m, disclosure())),
    debug: (m) => base.debug(redact(m, disclosure()))
  }
}
