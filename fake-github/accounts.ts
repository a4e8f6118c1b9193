/**
 * Accounts have ids that never change, and logins that may: GitHub lets a user rename, and the
 * freed login can then be registered by anyone, as a new account with a new id
 * (docs.github.com/en/account-and-profile/…/changing-your-github-username). Every answer that shows
 * a user carries the account's `id` and its current login; the user's past comments, memberships
 * and tokens follow the account, not the login.
 * - `GET /users/{username}`: 200 the `public-user` of whoever holds the login now (its id the
 *   account's); 404 when no account holds the login (docs: users/users#get-a-user).
 */
import { type Reply, error } from './answers.js'
import type { RecordedRequest } from './request.js'
import { type World, findUser } from './world.js'

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase()

import { accountId, idOf, publicUser } from './rest-shapes.js'

export { idOf as derivedId }

export function routeUsers(world: World, r: RecordedRequest, serverUrl: string): Reply | null {
  const p = r.path.split('/').filter(Boolean)
  if (r.method !== 'GET' || p[0] !== 'users' || p.length !== 2) return null
  const user = findUser(world, p[1]!)
  if (!user || user.gone) return error(404, 'Not Found')
  // publicUser takes the id from accountId(world, login): the account's, which a rename keeps.
  return { status: 200, body: publicUser(world, user.login, serverUrl, user.type ?? 'User') }
}

/**
 * `from` renames to `to`: the account (its id) keeps its memberships, teams, comments and tokens
 * under the new login. With `newHolder`, someone registers the freed login: a new account, new id.
 */
export function renameUser(world: World, from: string, to: string, newHolder?: { id: number }): void {
  const user = findUser(world, from)
  if (!user) throw new Error(`no user ${from}`)
  user.id = accountId(world, from)
  const rename = (login: string): string => (same(login, from) ? to : login)
  user.login = to
  for (const org of world.orgs) {
    for (const m of org.members) m.login = rename(m.login)
    for (const t of org.teams ?? []) for (const m of t.members) m.login = rename(m.login)
    for (const c of org.outsideCollaborators ?? []) c.login = rename(c.login)
  }
  for (const issue of world.issues) {
    if (issue.author) issue.author = rename(issue.author)
    for (const c of issue.comments) c.author = rename(c.author)
  }
  for (const token of Object.values(world.tokens)) if (token.login) token.login = rename(token.login)
  if (newHolder) world.users.push({ login: from, id: newHolder.id, type: 'User', activities: [] })
}
