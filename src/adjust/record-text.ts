/**
 * The visible text of a journal comment: whom it is about, what changed (ticked when done), by
 * whose approval, where it stands, and how to undo it. Pure. A public tracking issue follows the
 * one rule (text/disclosure.ts): the person and organization are named only when that membership
 * is public, and team and repository names — visible to organization members only, or private —
 * never appear: a change to a team or a repository permission is described without its name.
 */
import { escapeText } from '../text/markdown.js'
import { isoDay } from '../verdicts/days.js'
import { callLine } from './execute.js'
import type { JournalEntry } from './journal.js'
import type { Call } from './snapshot.js'

export interface RecordView {
  /** The tracking issue is public. */
  public: boolean
  /** In public: the person's membership of this organization is public, so both may be named. */
  named: boolean
}

/** What a call does, as a public text may say it. */
export function publicWhy(call: Call): string {
  const [method, path] = call.route.split(' ') as [string, string]
  if (path.includes('/teams/'))
    return method === 'DELETE' ? 'left a team' : call.why.startsWith('joined') ? 'joined a team' : 'a team restored'
  if (path.includes('/collaborators/')) return 'a direct repository permission restored'
  return call.why
}

/** A call as the text may show it: its effect, and in a private text the exact request. */
function callText(call: Call, view: RecordView): string {
  return view.public ? publicWhy(call) : `${escapeText(call.why)} (\`${callLine(call)}\`)`
}

function standing(entry: JournalEntry, view: RecordView): string {
  const left = entry.calls.length - entry.done
  if (entry.abandoned)
    return `**Not finished**: ${entry.done} of ${entry.calls.length} changes made; the rest will not be made: ${escapeText(entry.abandoned)}. A new approval starts a new adjustment.`
  if (entry.failure)
    return `**Stopped**: ${entry.done} of ${entry.calls.length} changes made; the next one failed${view.public ? '' : ` (${escapeText(entry.failure)})`}. The next run carries on from there and repeats nothing already done.`
  if (entry.waiting)
    return `**Reinstatement waiting for acceptance**: an invitation was sent with the role held before. Teams and permissions are restored on the first run after it is accepted.`
  if (left > 0) return `**In progress**: ${entry.done} of ${entry.calls.length} changes made.`
  return entry.kind === 'adjust' ? '**Done.**' : '**Reinstated**: everything held before is back.'
}

/** The comment's visible text for an entry. */
export function recordText(entry: JournalEntry, view: RecordView): string {
  const who =
    !view.public || view.named
      ? `${escapeText(entry.login)} in ${escapeText(entry.org)}`
      : 'A member not named here (concealed membership)'
  const what = entry.kind === 'adjust' ? 'privileges adjusted' : 'reinstatement'
  const items = entry.calls.map((call, i) => `- [${i < entry.done ? 'x' : ' '}] ${callText(call, view)}`)
  const undo =
    entry.kind === 'adjust'
      ? `To undo: an approver comments \`/member-audit reinstate ${!view.public || view.named ? entry.login : 'LOGIN'}\`; the role, teams and direct repository permissions held on ${isoDay(entry.snapshot.at)} are restored exactly from the sealed snapshot below.`
      : 'Teams and permissions added since are left as they are.'
  return [
    `### ${who}: ${what}`,
    '',
    `${entry.kind === 'adjust' ? 'Approved' : 'Asked for'} by ${escapeText(entry.approvedBy)} (comment ${entry.commentId}, ${isoDay(entry.at)}).`,
    '',
    ...(items.length ? items : ['- nothing to change']),
    '',
    standing(entry, view),
    '',
    undo
  ].join('\n')
}
