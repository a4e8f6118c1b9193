/**
 * Makes a journal entry's remaining calls, one at a time, and records each as done (through
 * `record`, which seals and writes the journal) before the next: a failure stops there, with the
 * entry saying exactly how far it got. In a dry run the calls are listed and none is made.
 */
import type { GitHubClient } from '../github/client.js'
import { isHttpError } from '../github/failures.js'
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
      if (!(await alreadyDone(client, call, error)))
        return { made, failed: { call, error: error instanceof Error ? error.message : String(error) } }
    }
    entry.done += 1
    made.push(call)
    await record(entry)
  }
  return { made, failed: null }
}

/**
 * Whether a refused call's effect already holds: a run that died between making a call and
 * recording it makes the call again, and a removal made twice is answered 404 the second time
 * (docs: orgs/members#remove-organization-membership-for-a-user, teams/members), a conversion
 * 403 once the person is no longer a member (docs: orgs/outside-collaborators). PUTs that set a
 * role, a team membership or a permission answer the same when made again.
 */
async function alreadyDone(client: GitHubClient, call: Call, error: unknown): Promise<boolean> {
  if (!isHttpError(error)) return false
  if (call.route.startsWith('DELETE ')) return error.status === 404
  if (call.route !== 'PUT /orgs/{org}/outside_collaborators/{username}' || error.status !== 403) return false
  try {
    await client.request('GET /orgs/{org}/memberships/{username}', {
      org: call.params.org!,
      username: call.params.username!
    })
    return false
  } catch (read) {
    return isHttpError(read) && read.status === 404
  }
}

/** A call as a line for dry run and comments: `DELETE /orgs/acme/teams/core/memberships/alice`. */
export function callLine(call: Call): string {
  const [method, path] = call.route.split(' ') as [string, string]
  const filled = path.replace(/\{(\w+)\}/g, (_, k: string) => call.params[k] ?? `{${k}}`)
  const body = Object.entries(call.params).filter(([k]) => !path.includes(`{${k}}`))
  return `${method} ${filled}${body.length ? ` ${JSON.stringify(Object.fromEntries(body))}` : ''}`
}
