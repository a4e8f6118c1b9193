/**
 * What the apply stage did, for the summary and the JSON report (docs/contract.md, "Contract
 * v1.1": `adjustments: [{login, org, action, approvedBy, at, snapshot?}]`). Pure. A public text
 * follows text/disclosure.ts: a person is named only with a public membership of that
 * organization, and neither a snapshot nor a call (they name teams and repositories) appears.
 */
import { type Disclosure, redact } from '../text/disclosure.js'
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
  reason: string
}

export interface ApplyOutcome {
  touched: Touched[]
  refused: ApplyRefusal[]
  /** Approved people left for the next run by max-per-run. */
  deferred: string[]
  dryRun: boolean
  /** Why nothing could be read (no tracking issue yet), or null. */
  skipped: string | null
}

export const NOTHING_APPLIED = (dryRun: boolean, skipped: string | null): ApplyOutcome => ({
  touched: [],
  refused: [],
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
    adjustmentsRefused: outcome.refused
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
  if (!outcome.touched.length && !outcome.refused.length && !outcome.deferred.length)
    lines.push('No approved adjustment or reinstatement to carry out.')
  for (const t of outcome.touched) {
    const who =
      !d.public || t.named ? `${escapeText(t.entry.login)} in ${escapeText(t.entry.org)}` : 'A member not named'
    const what = t.entry.kind === 'adjust' ? 'adjusted' : 'reinstated'
    lines.push(
      `- ${who}: ${what} on approval by ${escapeText(t.entry.approvedBy)} — ${count(t.made.length, 'call')} ${outcome.dryRun ? 'that would be made' : 'made'}; ${STATE_TEXT[t.state]}${t.state === 'abandoned' && t.entry.abandoned ? `: ${escapeText(redact(t.entry.abandoned, d))}` : ''}`
    )
    for (const call of t.made)
      lines.push(`  - ${d.public ? `${call.route.split(' ')[0]} (${publicWhy(call)})` : `\`${callLine(call)}\``}`)
  }
  for (const r of outcome.refused)
    lines.push(
      `- Refused: ${r.commentId ? `comment ${r.commentId} by ${escapeText(r.by)}` : escapeText(r.by)}: ${escapeText(redact(r.reason, d))}`
    )
  if (outcome.deferred.length)
    lines.push(
      `- ${count(outcome.deferred.length, 'approved person', 'approved people')} left for the next run (max-per-run).`
    )
  if (outcome.dryRun && d.public && outcome.touched.length)
    lines.push(
      '',
      'The summary is public: the exact calls (they name teams and repositories) are listed only in a private one.'
    )
  return [...lines, ''].join('\n')
}
