/**
 * The audit itself, shared by the action and the command line:
 * roster → members → activity → verdicts. Reports are built from its result by the caller.
 */
import { type SourceObserver, findActivity } from './activity/cascade.js'
import { eventsSource } from './activity/events-source.js'
import type { EvidencePolicy } from './activity/evidence.js'
import { graphqlSource } from './activity/graphql-source.js'
import { repositorySweepSource } from './activity/repository-sweep.js'
import type { ApiUsage, GitHubClient } from './github/client.js'
import type { Logger } from './logger.js'
import { listOrgMembers } from './members/list-members.js'
import { type OrgMember, type Person, isBot, mergePeople } from './members/people.js'
import type { Roster } from './roster/roster.js'
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
}

export interface OrgResult {
  login: string
  members: number
  /** False when some member of this org could not be checked (any unknown verdict). */
  complete: boolean
}

export interface AuditResult {
  now: Date
  windowDays: number
  since: Date
  orgs: OrgResult[]
  verdicts: Verdict[]
  /** Bots left out of the audit (include.bots is false). */
  skippedBots: Person[]
}

export async function runAudit(deps: AuditDeps): Promise<AuditResult> {
  const { client, roster, now, log } = deps
  const progress = deps.progress ?? (() => {})

  // Organizations are read a few at a time (each is three paged lists); the first error stops the run.
  const memberLists: { org: string; members: OrgMember[] }[] = []
  for (let i = 0; i < roster.orgs.length; i += ORGS_AT_ONCE) {
    const group = roster.orgs.slice(i, i + ORGS_AT_ONCE)
    const lists = await Promise.all(group.map(async (org) => ({ org: org.login, members: await listOrgMembers(client, org.login, log) })))
    for (const { org, members } of lists) {
      const owners = members.filter((m) => m.role === 'admin').length
      log.info(`[${org}] ${members.length} members, ${owners} of them owner${owners === 1 ? '' : 's'}`)
      memberLists.push({ org, members })
    }
    progress('members', memberLists.length, roster.orgs.length)
  }
  const everyone = mergePeople(memberLists)
  const skippedBots = roster.include.bots ? [] : everyone.filter(isBot)
  const people = roster.include.bots ? everyone : everyone.filter((p) => !isBot(p))
  log.info(`${people.length} people to check across ${roster.orgs.length} organizations${skippedBots.length ? ` (${skippedBots.length} bots skipped)` : ''}`)

  const windowDays = widestWindowDays(roster)
  const since = new Date(now.getTime() - windowDays * 24 * 60 * 60 * 1000)
  const policy: EvidencePolicy = {
    countPrivateActivity: roster.countPrivateActivity,
    scopeOrgs: roster.activityScope === 'orgs' ? new Set(roster.orgs.map((o) => loginKey(o.login))) : null
  }
  const windows = new Map(people.map((person) => [person.key, personWindow(person, roster, now)]))
  const questions = people.map((person) => {
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
    repositorySweepSource({ client, orgs: roster.orgs.map((o) => o.login), since, serverUrl: deps.serverUrl, onCost, onProgress: (done, total) => progress('repository-sweep', done, total) }),
    eventsSource(client, deps.serverUrl, (done, total) => progress('events', done, total))
  ]
  const sources = deps.sourceOrder ? deps.sourceOrder.map((name) => available.find((s) => s.name === name)!) : available
  const findings = await findActivity(questions, sources, policy, (source, asked) => {
    log.info(`Activity: ${source} for ${asked} people`)
    deps.observeSources?.(source, asked)
  })

  const today = now.toISOString().slice(0, 10)
  const verdicts = questions.map((q) => {
    const found = findings.get(q.person.key)!
    return classify(q.person, windows.get(q.person.key)!, found.latest, found.errors, exemptionFor(q.person, roster, today))
  })

  const orgs = roster.orgs.map((o) => {
    const key = loginKey(o.login)
    const mine = verdicts.filter((v) => v.person.memberships.some((m) => loginKey(m.org) === key))
    return {
      login: o.login,
      members: memberLists.find((l) => l.org === o.login)?.members.length ?? 0,
      complete: mine.every((v) => v.status !== 'unknown')
    }
  })
  return { now, windowDays, since, orgs, verdicts, skippedBots }
}
