/** What the audit needs to report progress. In the action this is @actions/core; in tests, a recorder. */
import type { Person } from './members/people.js'
import { type Disclosure, PRIVATE_TEXT, disclosure, redact } from './text/disclosure.js'

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

/** A run's log and the rule it follows: private until the run knows whom it found, then the run's own. */
export function publicLog(base: Logger): {
  log: Logger
  know: (isPublic: boolean, people: Person[], repos: () => string[]) => void
} {
  let rule: () => Disclosure = () => PRIVATE_TEXT
  return {
    log: redactingLogger(base, () => rule()),
    know(isPublic, people, repos) {
      let cached = disclosure(isPublic, people, repos())
      rule = () => {
        const seen = repos()
        if (seen.length !== cached.privateRepositories.size) cached = disclosure(isPublic, people, seen)
        return cached
      }
    }
  }
}
