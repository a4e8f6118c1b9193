/**
 * Makes a journal entry's remaining calls, one at a time, and records each as done (through
 * `record`, which seals and writes the journal) before the next: a failure stops there, with the
 * entry saying exactly how far it got. In a dry run the calls are listed and none is made.
 */
import type { GitHubClient } from '../github/client.js'
import { type JournalEntry, remaining } from './journal.js'
import type { Call } from './snapshot.js'

export interface ExecuteOutcome {
  made: Call[]
  /** The call that failed, with GitHub's answer, or null. */
  failed: { call: Call; error: string } | null
}

export async function execute(
  client: GitHubClient,
  entry: JournalEntry,
  record: (entry: JournalEntry) => Promise<void>,
  dryRun = false
): Promise<ExecuteOutcome> {
  const made: Call[] = []
  for (const call of remaining(entry)) {
    if (dryRun) {
      made.push(call)
      continue
    }
    try {
      await client.request(call.route, call.params)
    } catch (error) {
      return { made, failed: { call, error: error instanceof Error ? error.message : String(error) } }
    }
    entry.done += 1
    made.push(call)
    await record(entry)
  }
  return { made, failed: null }
}

/** A call as a line for dry run and comments: `DELETE /orgs/acme/teams/core/memberships/alice`. */
export function callLine(call: Call): string {
  const [method, path] = call.route.split(' ') as [string, string]
  const filled = path.replace(/\{(\w+)\}/g, (_, k: string) => call.params[k] ?? `{${k}}`)
  const body = Object.entries(call.params).filter(([k]) => !path.includes(`{${k}}`))
  return `${method} ${filled}${body.length ? ` ${JSON.stringify(Object.fromEntries(body))}` : ''}`
}
