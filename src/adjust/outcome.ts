/**
 * What the apply stage did, for the summary and the JSON report (docs/contract.md, "Contract
 * v1.1": `adjustments: [{login, org, action, approvedBy, at, snapshot?}]`). Pure. A public text
 * follows text/disclosure.ts: a person is named only with a public membership of that
 * organization, and neither a snapshot nor a call (they name teams and repositories) appears.
 * Nor does anything about a concealed membership, not even as "a member not named": beside the
 * person's public line, citing the same approval, it would tie them to it. It is in the JSON
 * report only; the public summary says so in a sentence that is the same whatever happened.
 */
import { type Disclosure, mayNameIn, redact } from '../text/disclosure.js'
import { escapeText } from '../text/markdown.js'
import { count } from '../text/people.js'
import { callLine } from './execute.js'
import type { JournalEntry } from './journal.js'
import { publicWhy } from './record-text.js'
import type { Call } from './snapshot.js'

export type EntryState = 'done' | 'failed' | 'waiting' | 'planned' | 'abandoned'

export interface Touched {
  entry: JournalEntry
  state: EntryState
  /** Calls made this run (in a dry run: the calls that would be made). */
  made: Call[]
  /** Whether a public text may name the person with this organization. */
  named: boolean
}

export interface ApplyRefusal {
  commentId: number
  by: string
  login?: string
  /** The organization the refusal is about, when it is about one. */
  org?: string
  reason: string
}

/** An approved membership not adjusted from this tracking issue: a concealed one, from a public issue. */
interface NotAdjustedHere {
  commentId: number
  by: string
  login: string
  org: string
  reason: string
}

export const NOT_HERE_REASON = 'not adjusted here: keep the tracking issue private for concealed memberships'

/** The public summary's one sentence about concealed memberships, the same whether or not there were any. */
const CONCEALED_ELSEWHERE =
  'This summary is public: changes to concealed memberships are listed only in the JSON report (from a public tracking issue they are never made).'

export interface ApplyOutcome {
  touched: Touched[]
  refused: ApplyRefusal[]
  /** Approved concealed memberships not adjusted because the tracking issue is public. */
  notHere: NotAdjustedHere[]
  /** Approved people left for the next run by max-per-run. */
  deferred: string[]
  dryRun: boolean
  /** Why nothing could be read (no tracking issue yet), or null. */
  skipped: string | null
}

export const nothingApplied = (dryRun: boolean, skipped: string | null): ApplyOutcome => ({
  touched: [],
  refused: [],
  notHere: [],
  deferred: [],
  dryRun,
  skipped
})

/** The report's `adjustments`; `isPublic`: no snapshot and no calls. */
export function adjustmentsReport(outcome: ApplyOutcome, isPublic: boolean): Record<string, unknown> {
  return {
    adjustments: outcome.touched.map(({ entry, state, made }) => ({
      login: entry.login,
      org: entry.org,
      action: entry.kind,
      approvedBy: entry.approvedBy,
      at: entry.at,
      state,
      ...(isPublic ? {} : { calls: made.map(callLine), snapshot: entry.snapshot })
    })),
    adjustmentsRefused: outcome.refused,
    adjustmentsNotHere: outcome.notHere
  }
}

const STATE_TEXT: Record<EntryState, string> = {
  done: 'done',
  failed: 'stopped at a failed call; the next run finishes it',
  waiting: 'reinstatement waiting for acceptance',
  planned: 'dry run: nothing was changed',
  abandoned: 'not finished'
}

/** The summary's section. */
export function adjustmentsSummary(outcome: ApplyOutcome, d: Disclosure): string {
  const lines = ['', '## Adjustments (mode: apply)', '']
  if (outcome.skipped) return [...lines, escapeText(outcome.skipped), ''].join('\n')
  // In public, only what may be tied to a named person's public membership; the rest is in the report.
  const touched = outcome.touched.filter((t) => !d.public || t.named)
  const refused = outcome.refused.filter((r) => !d.public || !r.org || !r.login || mayNameIn(r.login, r.org, d))
  const notHere = d.public ? [] : outcome.notHere
  if (!touched.length && !refused.length && !notHere.length && !outcome.deferred.length)
    lines.push('No approved adjustment or reinstatement to carry out.')
  for (const t of touched) {
    const who = `${escapeText(t.entry.login)} in ${escapeText(t.entry.org)}`
    const what = t.entry.kind === 'adjust' ? 'adjusted' : 'reinstated'
    lines.push(
      `- ${who}: ${what} on approval by ${escapeText(t.entry.approvedBy)} — ${count(t.made.length, 'call')} ${outcome.dryRun ? 'that would be made' : 'made'}; ${STATE_TEXT[t.state]}${t.state === 'abandoned' && t.entry.abandoned ? `: ${escapeText(redact(t.entry.abandoned, d))}` : ''}`
    )
    for (const call of t.made)
      lines.push(`  - ${d.public ? `${call.route.split(' ')[0]} (${publicWhy(call)})` : `\`${callLine(call)}\``}`)
  }
  for (const n of notHere)
    lines.push(`- ${escapeText(n.login)} in ${escapeText(n.org)}: ${NOT_HERE_REASON} (comment ${n.commentId})`)
  for (const r of refused)
    lines.push(
      `- Refused: ${r.commentId ? `comment ${r.commentId} by ${escapeText(r.by)}` : escapeText(r.by)}: ${escapeText(redact(r.reason, d))}`
    )
  if (outcome.deferred.length)
    lines.push(
      `- ${count(outcome.deferred.length, 'approved person', 'approved people')} left for the next run (max-per-run).`
    )
  if (outcome.dryRun && d.public && touched.length)
    lines.push(
      '',
      'The summary is public: the exact calls (they name teams and repositories) are listed only in a private one.'
    )
  if (d.public) lines.push('', CONCEALED_ELSEWHERE)
  return [...lines, ''].join('\n')
}
