/**
 * The approver rule: a command counts only when its comment's author *account* is a listed
 * approver — compared by account id (`user.id` of the comment), never by login. A login can pass to
 * another account: when an approver renames, anyone may register the freed login
 * (docs.github.com/en/account-and-profile/…/changing-your-github-username).
 * - A login in `adjust.approvers` is bound to the account that held it when apply mode first saw
 *   it (`GET /users/{username}` → `id`, docs: users/users#get-a-user), and the binding is kept in
 *   the sealed store (store.ts): the approver keeps their right after renaming; whoever registers
 *   the old login gets none, and the log says the roster needs the new login.
 * - An `org/team` is read at the start of each run that has commands to check (`GET
 *   /orgs/{org}/teams/{team_slug}/members`, each with its `id`; docs: teams/members#list-team-members):
 *   a membership belongs to the account, whatever its login.
 * Bots never approve: an app's account can be made to write anything. GitHub I/O at the edge only.
 */
import type { GitHubClient } from '../github/client.js'
import { isHttpError } from '../github/failures.js'
import type { Logger } from '../logger.js'
import { loginKey } from '../roster/roster.js'
import type { Command, Refusal } from './commands.js'
import { approverRefusal } from './refusals.js'

/** Lower-case login in adjust.approvers → the account id it was first resolved to. */
export type ApproverBindings = Record<string, number>

export interface Approved {
  commands: Command[]
  refused: Refusal[]
  /** The bindings with any made in this run (a login seen for the first time). */
  bindings: ApproverBindings
  /** Whether `bindings` holds one not yet in the store. */
  bound: boolean
}

export interface ApproverInput {
  client: GitHubClient
  approvers: string[]
  commands: Command[]
  bindings: ApproverBindings
  log: Logger
  botLogins?: ReadonlySet<string>
}

export async function checkApprovers(input: ApproverInput): Promise<Approved> {
  const { commands } = input
  const logins = input.approvers.filter((a) => !a.includes('/'))
  const bindings = { ...input.bindings }
  const unbound = logins.filter((l) => bindings[loginKey(l)] === undefined)
  if (!commands.length && !unbound.length) return { commands: [], refused: [], bindings, bound: false }
  for (const login of logins) {
    const now = await accountOf(input.client, login)
    const kept = bindings[loginKey(login)]
    if (kept === undefined && now !== null) bindings[loginKey(login)] = now
    else if (kept !== undefined && now !== null && now !== kept)
      input.log.warning(
        `adjust.approvers lists ${login}, but that login now belongs to another account: only the account it was first seen as approves (it renamed). Put its new login in the roster.`
      )
  }
  const result: Approved = { commands: [], refused: [], bindings, bound: unbound.some((l) => bindings[loginKey(l)]) }
  if (!commands.length) return result
  const ids = new Set([...logins.flatMap((l) => bindings[loginKey(l)] ?? []), ...(await teamIds(input))])
  for (const command of commands) {
    const listed = logins.some((l) => loginKey(l) === loginKey(command.by))
    const reason = approverRefusal({
      login: command.by,
      bot: command.by.toLowerCase().endsWith('[bot]') || Boolean(input.botLogins?.has(command.by.toLowerCase())),
      approves: command.byId !== null && ids.has(command.byId),
      listed,
      bound: listed && bindings[loginKey(command.by)] !== undefined
    })
    if (reason === null) result.commands.push(command)
    else result.refused.push({ commentId: command.commentId, by: command.by, reason })
  }
  return result
}

/** The account id holding `login` now, or null when none does (404). */
async function accountOf(client: GitHubClient, login: string): Promise<number | null> {
  return (await accountNow(client, login)).id
}

/** The account holding `login` now, with the login as GitHub spells it; id null when none does (404). */
export async function accountNow(client: GitHubClient, login: string): Promise<{ login: string; id: number | null }> {
  try {
    const { data } = await client.request('GET /users/{username}', { username: login })
    return { login: data.login, id: Number(data.id) }
  } catch (error) {
    if (isHttpError(error) && error.status === 404) return { login, id: null }
    throw error
  }
}

/** The account ids of every member of the listed teams. */
async function teamIds(input: ApproverInput): Promise<number[]> {
  const ids: number[] = []
  for (const team of input.approvers.filter((a) => a.includes('/'))) {
    const [org, slug] = team.split('/') as [string, string]
    const members = await input.client.paginate('GET /orgs/{org}/teams/{team_slug}/members', {
      org,
      team_slug: slug,
      per_page: 100
    })
    ids.push(...members.map((m) => m.id))
  }
  return ids
}
