/**
 * The log of a run whose repository is public is public too: every line goes through the one
 * rule (disclosure.ts) with what the run knows so far, so a retry warning about
 * `/users/<login>/…` or a private repository's address never names what a public text may not.
 */
import { type Logger, redactingLogger } from '../logger.js'
import type { Person } from '../members/people.js'
import { type Disclosure, PRIVATE_TEXT, disclosure, redact } from './disclosure.js'

/** A run's log and the rule it follows: private until the run knows whom it found, then the run's own. */
export function publicLog(base: Logger): {
  log: Logger
  know: (isPublic: boolean, people: Person[], repos: () => string[]) => void
} {
  let rule: () => Disclosure = () => PRIVATE_TEXT
  return {
    log: redactingLogger(base, (message) => redact(message, rule())),
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
