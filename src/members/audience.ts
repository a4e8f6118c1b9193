/**
 * The members stage: who is audited. Each organization's members (a few organizations at once),
 * outside collaborators when asked, audited teams, and the access checks (invitations, two-factor
 * status) — GitHub I/O — merged into one person per login (pure, people.ts).
 */
import type { GitHubClient } from '../github/client.js'
import type { ReadOnce } from '../github/read-once.js'
import type { Logger } from '../logger.js'
import type { Roster } from '../roster/roster.js'
import { type AccessFindings, type NotChecked, type RuledOut, readAccessFindings } from './access-checks.js'
import { listOrgMembers } from './list-members.js'
import { readOutsideCollaborators } from './outside-collaborators.js'
import { type OrgMember, type Person, isBot, mergePeople } from './people.js'
import { type TeamMembers, readTeam } from './teams.js'
import { count } from '../text/people.js'

/** Organizations whose member lists are read at once (three lists each, within the plugin's ten requests in flight). */
const ORGS_AT_ONCE = 3

export interface Audience extends AccessFindings {
  /** Each organization's member list, in roster order. */
  memberLists: { org: string; members: OrgMember[] }[]
  /** Every member, one person per login, bots included. */
  everyone: Person[]
  /** The people whose activity is checked: members (bots only with include.bots), then outside collaborators who are no member. */
  checked: Person[]
  /** Bots left out of the audit (include.bots is false). */
  skippedBots: Person[]
  teams: TeamMembers[]
  /** Repositories whose outside collaborators could not be listed (include.outside-collaborators). */
  outsideNotChecked: NotChecked[]
}

export interface AudienceDeps {
  client: GitHubClient
  /** What the run reads once with `client` (github/read-once.ts): the sweep lists the same repositories. */
  reads: ReadOnce
  roster: Roster
  now: Date
  log: Logger
  /** Told after each group of organizations: how many member lists are read, of how many. */
  progress?: (done: number, total: number) => void
  /** Access checks the preflight ruled out, with why. */
  ruledOut?: RuledOut
}

export async function readAudience(deps: AudienceDeps): Promise<Audience> {
  const { client, roster, log } = deps
  const memberLists = await readMemberLists(deps)
  const everyone = mergePeople(memberLists)
  const outside = roster.include.outsideCollaborators
    ? await addOutsideCollaborators(deps.reads, roster, everyone)
    : { outsideOnly: [], unread: [] }
  const teams = await Promise.all(roster.teams.map((rule) => readTeam(client, rule)))
  markTeams(everyone, teams)
  const access = await readAccessFindings(client, roster, deps.now, deps.ruledOut)
  const skippedBots = roster.include.bots ? [] : everyone.filter(isBot)
  const members = roster.include.bots ? everyone : everyone.filter((p) => !isBot(p))
  const skipped = skippedBots.length ? ` (${count(skippedBots.length, 'bot')} skipped)` : ''
  log.info(`${members.length} people to check across ${count(roster.orgs.length, 'organization')}${skipped}`)
  return {
    memberLists,
    everyone,
    checked: [...members, ...outside.outsideOnly],
    outsideNotChecked: outside.unread,
    skippedBots,
    teams,
    ...access
  }
}

/** Organizations are read a few at a time (each is three paged lists); the first error stops the run. */
async function readMemberLists(deps: AudienceDeps): Promise<Audience['memberLists']> {
  const { client, roster, log } = deps
  const lists: Audience['memberLists'] = []
  for (let i = 0; i < roster.orgs.length; i += ORGS_AT_ONCE) {
    const group = roster.orgs.slice(i, i + ORGS_AT_ONCE)
    const read = await Promise.all(
      group.map(async (org) => ({ org: org.login, members: await listOrgMembers(client, org.login) }))
    )
    for (const { org, members } of read) {
      const owners = members.filter((m) => m.role === 'admin').length
      log.info(`[${org}] ${count(members.length, 'member')}, ${owners} of them ${owners === 1 ? 'owner' : 'owners'}`)
      lists.push({ org, members })
    }
    deps.progress?.(lists.length, roster.orgs.length)
  }
  return lists
}

function markTeams(everyone: Person[], teams: TeamMembers[]): void {
  for (const person of everyone) {
    const mine = teams
      .filter((t) => t.members.has(person.key))
      .map((t) => ({ team: `${t.rule.org}/${t.rule.slug}`, maintainer: t.members.get(person.key)! }))
    if (mine.length) person.teams = mine
  }
}

/**
 * Reads each organization's outside collaborators: members of another audited org get the access
 * added to their person; the others are returned, to be checked like members.
 */
async function addOutsideCollaborators(
  reads: ReadOnce,
  roster: Roster,
  everyone: Person[]
): Promise<{ outsideOnly: Person[]; unread: NotChecked[] }> {
  const byKey = new Map(everyone.map((p) => [p.key, p]))
  const outsideOnly = new Map<string, Person>()
  const unread: NotChecked[] = []
  for (const org of roster.orgs) {
    const read = await readOutsideCollaborators(reads, org.login)
    for (const r of read.unread) unread.push({ org: org.login, reason: `not checked in ${r.repo}: ${r.reason}` })
    for (const [key, { login, access }] of read.found) {
      const person = byKey.get(key) ?? outsideOnly.get(key) ?? { login, key, type: 'User', memberships: [] }
      person.outside = [...(person.outside ?? []), access]
      if (!byKey.has(key)) outsideOnly.set(key, person)
    }
  }
  return { outsideOnly: [...outsideOnly.values()], unread }
}
