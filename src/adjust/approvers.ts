/**
 * The approver rule: a command counts only when its author is a listed approver — a login in
 * `adjust.approvers`, or an active member of a listed team (`GET /orgs/{org}/teams/{team_slug}/memberships/{username}`:
 * 200 with `state: active`, 404 when not a member; docs: teams/members#get-team-membership-for-a-user).
 * Bots never approve: an app's account can be made to write anything. GitHub I/O at the edge only.
 */
import type { GitHubClient } from '../github/client.js'
import { isHttpError } from '../github/failures.js'
import type { Command, Refusal } from './commands.js'

export interface Approved {
  commands: Command[]
  refused: Refusal[]
}

export async function checkApprovers(
  client: GitHubClient,
  approvers: string[],
  commands: Command[],
  botLogins: ReadonlySet<string> = new Set()
): Promise<Approved> {
  const people = new Set(approvers.filter((a) => !a.includes('/')).map((a) => a.toLowerCase()))
  const teams = approvers.filter((a) => a.includes('/')).map((a) => a.split('/') as [string, string])
  const verdicts = new Map<string, boolean>()
  const isApprover = async (login: string): Promise<boolean> => {
    const key = login.toLowerCase()
    if (key.endsWith('[bot]') || botLogins.has(key)) return false
    if (people.has(key)) return true
    if (!verdicts.has(key)) verdicts.set(key, await inAnyTeam(client, teams, login))
    return verdicts.get(key)!
  }
  const result: Approved = { commands: [], refused: [] }
  for (const command of commands) {
    if (await isApprover(command.by)) result.commands.push(command)
    else
      result.refused.push({
        commentId: command.commentId,
        by: command.by,
        reason: `${command.by} is not an approver (adjust.approvers); the command was ignored`
      })
  }
  return result
}

async function inAnyTeam(client: GitHubClient, teams: [string, string][], login: string): Promise<boolean> {
  for (const [org, slug] of teams) {
    try {
      const { data } = await client.request('GET /orgs/{org}/teams/{team_slug}/memberships/{username}', {
        org,
        team_slug: slug,
        username: login
      })
      if (data.state === 'active') return true
    } catch (error) {
      if (!(isHttpError(error) && error.status === 404)) throw error
    }
  }
  return false
}
