/**
 * The audit itself, shared by the action and the command line:
 * roster → members → activity → verdicts. Reports are built from its result by the caller.
 */
import { type SourceObserver, findActivity } from './activity/cascade.js'
import { recheckWithinQuota } from './activity/recheck.js'
import { eventsSource } from './activity/events-source.js'
import type { EvidencePolicy } from './activity/evidence.js'
import { graphqlSource } from './activity/graphql-source.js'
import { repositorySweepSource } from './activity/repository-sweep.js'
import type { ApiUsage, GitHubClient } from './github/client.js'
import type { Logger } from './logger.js'
import {
  type CheckResult,
  type Invitation,
  mergeChecks,
  readInvitations,
  readTwoFactorDisabled
} from './members/access-checks.js'
import { listOrgMembers } from './members/list-members.js'
import { readOutsideCollaborators } from './members/outside-collaborators.js'
import { readTeam } from './members/teams.js'
import { type OrgMember, type Person, isBot, mergePeople } from './members/people.js'
import type { Exemption, Roster } from './roster/roster.js'
import { loginKey } from './roster/roster.js'
import { type Verdict, classify } from './verdicts/classify.js'
import { exemptionFor } from './verdicts/exemptions.js'
import { personWindow, widestWindowDays } from './verdicts/window.js'

/** Told how far a stage has come: `done` of `total` (organizations, people or repositories). */
export type ProgressListener = (stage: string, done: number, total: number) => void

/** Organizations whose member lists are read at once (three lists each, within the plugin's ten requests in flight). */
const ORGS_AT_ONCE = 3

export interface AuditDeps {
  client: GitHubClient
  roster: Roster
  now: Date
  log: Logger
  usage: ApiUsage
  /** Web address of GitHub (GITHUB_SERVER_URL), for links. */
  serverUrl: string
  /** Told before each activity source runs, with how many people it is asked about. */
  observeSources?: SourceObserver
  /** Source names in the order to ask them (the benchmark compares orders); default the cheapest. */
  sourceOrder?: string[]
  progress?: ProgressListener
  /** REST requests left this hour when the run started (null: unknown, or no rate limiting). */
  restRemaining?: number | null
  /** Pause before asking again about people a source failed for; default a minute. */
  recheckPauseMs?: number
}

export interface OrgResult {
  login: string
  members: number
  /** False when some member of this org could not be checked (any unknown verdict). */
  complete: boolean
}

export interface TeamResult {
  team: string
  windowDays: number
  members: { login: string; maintainer: boolean }[]
}

export interface AuditResult {
  now: Date
  windowDays: number
  since: Date
  orgs: OrgResult[]
  verdicts: Verdict[]
  /** Bots left out of the audit (include.bots is false). */
  skippedBots: Person[]
  /** Audited teams with their members. */
  teams: TeamResult[]
  /** Pending invitations older than invitation-max-age-days, and failed ones (include.pending-invitations). */
  invitations: CheckResult<Invitation> | null
  /** Members without two-factor authentication, one entry per person (include.two-factor-disabled). */
  twoFactorDisabled: CheckResult<{ login: string; orgs: string[] }> | null
  /** Exemptions naming someone in none of the audited organizations. */
  danglingExemptions: Exemption[]
  /** Everyone holding repositories as an outside collaborator, with their verdict (include.outside-collaborators). */
  outsideCollaborators: Verdict[] | null
  /** Set when the estimated cost exceeded the REST requests left at the start. */
  budgetWarning: string | null
}

export async function runAudit(deps: AuditDeps): Promise<AuditResult> {
  const { client, roster, now, log } = deps
  const progress = deps.progress ?? (() => {})

  // Organizations are read a few at a time (each is three paged lists); the first error stops the run.
  const memberLists: { org: string; members: OrgMember[] }[] = []
  for (let i = 0; i < roster.orgs.length; i += ORGS_AT_ONCE) {
    const group = roster.orgs.slice(i, i + ORGS_AT_ONCE)
    const lists = await Promise.all(
      group.map(async (org) => ({ org: org.login, members: await listOrgMembers(client, org.login, log) }))
    )
    for (const { org, members } of lists) {
      const owners = members.filter((m) => m.role === 'admin').length
      log.info(`[${org}] ${members.length} members, ${owners} of them owner${owners === 1 ? '' : 's'}`)
      memberLists.push({ org, members })
    }
    progress('members', memberLists.length, roster.orgs.length)
  }
  const everyone = mergePeople(memberLists)
  const outsideOnly = roster.include.outsideCollaborators ? await addOutsideCollaborators(client, roster, everyone) : []
  const teams = await Promise.all(roster.teams.map((rule) => readTeam(client, rule)))
  for (const person of everyone) {
    const mine = teams
      .filter((t) => t.members.has(person.key))
      .map((t) => ({ team: `${t.rule.org}/${t.rule.slug}`, maintainer: t.members.get(person.key)! }))
    if (mine.length) person.teams = mine
  }
  const access = await readAccessChecks(client, roster, now)
  const skippedBots = roster.include.bots ? [] : everyone.filter(isBot)
  const people = roster.include.bots ? everyone : everyone.filter((p) => !isBot(p))
  const checked = [...people, ...outsideOnly]
  log.info(
    `${people.length} people to check across ${roster.orgs.length} organization${roster.orgs.length === 1 ? '' : 's'}${skippedBots.length ? ` (${skippedBots.length} bot${skippedBots.length === 1 ? '' : 's'} skipped)` : ''}`
  )

  const cost = estimateCost(checked.length)
  log.info(
    `Estimated cost: about ${cost.rest} REST requests and ${cost.graphqlPoints} GraphQL points${deps.restRemaining != null ? `; ${deps.restRemaining} REST requests left this hour` : ''}.`
  )
  const budgetWarning =
    deps.restRemaining != null && deps.restRemaining < cost.rest
      ? `This run needs about ${cost.rest} REST requests and ${deps.restRemaining} are left this hour: people it cannot check will be unknown. A GitHub App token on Enterprise Cloud allows 15,000 an hour.`
      : null
  if (budgetWarning) log.warning(budgetWarning)

  const windowDays = widestWindowDays(roster)
  const since = new Date(now.getTime() - windowDays * 24 * 60 * 60 * 1000)
  const policy: EvidencePolicy = {
    countPrivateActivity: roster.countPrivateActivity,
    scopeOrgs: roster.activityScope === 'orgs' ? new Set(roster.orgs.map((o) => loginKey(o.login))) : null
  }
  const windows = new Map(checked.map((person) => [person.key, personWindow(person, roster, now)]))
  const questions = checked.map((person) => {
    const { since: personSince, settledAt } = windows.get(person.key)!
    return { person, since: personSince, settledAt }
  })
  const onCost = (points: number): void => {
    deps.usage.graphqlPoints += points
  }
  // Cheapest per person first: one GraphQL query answers for 50 people over the whole window; the
  // sweep reads each org repository once for everyone left; events cost a request per person.
  const available = [
    graphqlSource({ client, from: since, now, onCost, onProgress: (done, total) => progress('graphql', done, total) }),
    repositorySweepSource({
      client,
      orgs: roster.orgs.map((o) => o.login),
      since,
      serverUrl: deps.serverUrl,
      onCost,
      onProgress: (done, total) => progress('repository-sweep', done, total)
    }),
    eventsSource(client, deps.serverUrl, (done, total) => progress('events', done, total))
  ]
  const sources = deps.sourceOrder ? deps.sourceOrder.map((name) => available.find((s) => s.name === name)!) : available
  const { measured, recheck } = recheckWithinQuota(sources, {
    client,
    usage: deps.usage,
    log,
    pauseMs: deps.recheckPauseMs ?? 60_000
  })
  const findings = await findActivity(
    questions,
    measured,
    policy,
    (source, asked) => {
      log.info(`Activity: ${source} for ${asked} people`)
      deps.observeSources?.(source, asked)
    },
    recheck
  )

  const today = now.toISOString().slice(0, 10)
  const allVerdicts = questions.map((q) => {
    const found = findings.get(q.person.key)!
    return classify(
      q.person,
      windows.get(q.person.key)!,
      found.latest,
      found.errors,
      exemptionFor(q.person, roster, today)
    )
  })
  const verdicts = allVerdicts.filter((v) => v.person.memberships.length > 0)

  const orgs = roster.orgs.map((o) => {
    const key = loginKey(o.login)
    const mine = verdicts.filter((v) => v.person.memberships.some((m) => loginKey(m.org) === key))
    return {
      login: o.login,
      members: memberLists.find((l) => l.org === o.login)?.members.length ?? 0,
      complete: mine.every((v) => v.status !== 'unknown')
    }
  })
  const byKey = new Map(everyone.map((p) => [p.key, p]))
  return {
    now,
    windowDays,
    since,
    orgs,
    verdicts,
    skippedBots,
    teams: teams.map((t) => ({
      team: `${t.rule.org}/${t.rule.slug}`,
      windowDays: t.rule.inactiveAfterDays,
      members: [...t.members].map(([key, maintainer]) => ({ login: byKey.get(key)?.login ?? key, maintainer }))
    })),
    ...access,
    danglingExemptions: roster.exemptions.filter((e) => !byKey.has(loginKey(e.login))),
    outsideCollaborators: roster.include.outsideCollaborators
      ? allVerdicts.filter((v) => v.person.outside?.length)
      : null,
    budgetWarning
  }
}

/**
 * The run's expected cost for `people`, from the measured ratios in docs/benchmarks.md (about
 * 0.47 REST requests and 0.19 GraphQL points per person, rounded up here for margin).
 */
export function estimateCost(people: number): { rest: number; graphqlPoints: number } {
  return { rest: Math.ceil(people * 0.55) + 30, graphqlPoints: Math.ceil(people * 0.25) + 5 }
}

/**
 * Reads each organization's outside collaborators: members of another audited org get the access
 * added to their person; the others are returned, to be checked like members.
 */
async function addOutsideCollaborators(client: GitHubClient, roster: Roster, everyone: Person[]): Promise<Person[]> {
  const byKey = new Map(everyone.map((p) => [p.key, p]))
  const outsideOnly = new Map<string, Person>()
  for (const org of roster.orgs) {
    for (const [key, { login, access }] of await readOutsideCollaborators(client, org.login)) {
      const person = byKey.get(key) ?? outsideOnly.get(key) ?? { login, key, type: 'User', memberships: [] }
      person.outside = [...(person.outside ?? []), access]
      if (!byKey.has(key)) outsideOnly.set(key, person)
    }
  }
  return [...outsideOnly.values()]
}

/** Invitations and two-factor status, per organization, when the roster asks for them. */
async function readAccessChecks(
  client: GitHubClient,
  roster: Roster,
  now: Date
): Promise<Pick<AuditResult, 'invitations' | 'twoFactorDisabled'>> {
  const invitations = roster.include.pendingInvitations
    ? mergeChecks(
        await Promise.all(
          roster.orgs.map((o) => readInvitations(client, o.login, roster.include.invitationMaxAgeDays, now))
        )
      )
    : null
  let twoFactorDisabled: AuditResult['twoFactorDisabled'] = null
  if (roster.include.twoFactorDisabled) {
    const perOrg = await Promise.all(
      roster.orgs.map(async (o) => ({
        org: o.login,
        result: await readTwoFactorDisabled(client, o.login, roster.include.outsideCollaborators)
      }))
    )
    // One line per person, across organizations (the people to contact once, not once per org).
    const byPerson = new Map<string, { login: string; orgs: string[] }>()
    for (const { org, result } of perOrg) {
      for (const login of result.items) {
        const entry = byPerson.get(loginKey(login)) ?? { login, orgs: [] }
        entry.orgs.push(org)
        byPerson.set(loginKey(login), entry)
      }
    }
    twoFactorDisabled = {
      items: [...byPerson.values()].sort((a, b) => a.login.localeCompare(b.login)),
      notChecked: perOrg.flatMap((p) => p.result.notChecked)
    }
  }
  return { invitations, twoFactorDisabled }
}
