/**
 * The tracking issue's part of a run: read what the issue remembers, plan the contact list,
 * render it, and write it — unless this is a dry run, or the run was incomplete (then the list is
 * left as it was and one comment says why).
 */
import type { AuditResult } from '../verdicts/result.js'
import type { GitHubClient } from '../github/client.js'
import { isPublicRepository } from '../github/repository.js'
import type { Logger } from '../logger.js'
import type { Roster } from '../roster/roster.js'
import { disclosure } from '../text/disclosure.js'
import { isoDay } from '../verdicts/days.js'
import { type IssueText, renderIssue } from './body.js'
import { type ContactPlan, planContacts } from './plan.js'
import { readRecords } from './state.js'
import { type SyncResult, type TrackingRepo, findTrackingIssue, syncTrackingIssue } from './sync.js'

export interface TrackDeps {
  client: GitHubClient
  where: TrackingRepo
  roster: Roster
  result: AuditResult
  serverUrl: string
  dryRun: boolean
  /** Why the run is incomplete, if it is: the list is then left alone. */
  incomplete: string | null
  log: Logger
}

export interface TrackOutcome {
  sync: SyncResult
  plan: ContactPlan
  text: IssueText
  /** What was not done and why (dry run, incomplete run). */
  held: string | null
  /** The tracking repository is public, so the text names no concealed member. */
  issueIsPublic: boolean
}

export async function keepTrackingIssue(deps: TrackDeps): Promise<TrackOutcome> {
  const { client, where, roster, result } = deps
  const settings = roster.trackingIssue
  const id = roster.file
  const today = isoDay(result.now)
  const existing = await findTrackingIssue(client, where, id, settings.labels[0])
  const previous = existing
    ? readRecords([existing.body, ...[...existing.parts.values()].map((p) => p.body)], today)
    : new Map()
  const plan = planContacts(previous, result.verdicts, today, settings.graceDays)
  const issueIsPublic = await isPublicRepository(client, `${where.owner}/${where.repo}`)
  const text = renderIssue(plan, result, {
    id,
    serverUrl: deps.serverUrl,
    today,
    mention: settings.mention,
    graceDays: settings.graceDays,
    disclosure: disclosure(issueIsPublic)
  })
  const current: SyncResult = { action: 'none', number: existing?.number ?? null, url: existing?.url ?? null }

  if (deps.dryRun) return { sync: current, plan, text, held: 'dry run: nothing was written', issueIsPublic }
  if (deps.incomplete) {
    if (existing) {
      await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        ...where,
        issue_number: existing.number,
        body: `The run of ${today} was incomplete: ${deps.incomplete} The list above is left as it was; the next complete run updates it.`
      })
    }
    return { sync: current, plan, text, held: 'incomplete run: the list was left as it was', issueIsPublic }
  }
  const sync = await syncTrackingIssue({
    client,
    where,
    id,
    title: settings.title,
    labels: settings.labels,
    existing,
    text,
    anyoneToContact: plan.toContact.length > 0,
    log: deps.log
  })
  return { sync, plan, text, held: null, issueIsPublic }
}

/** `owner/name` → the two parts, or null. */
export function parseRepository(fullName: string | null | undefined): TrackingRepo | null {
  const m = /^([^/\s]+)\/([^/\s]+)$/.exec(fullName ?? '')
  return m ? { owner: m[1]!, repo: m[2]! } : null
}
