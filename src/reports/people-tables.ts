/** The summary's tables of people by status, within what is left of the summary's size budget. Pure. */
import type { Verdict, Status } from '../verdicts/classify.js'
import { daysBetween, isoDay } from '../verdicts/days.js'
import { exemptionStanding } from '../verdicts/exemptions.js'
import type { AuditResult } from '../verdicts/result.js'
import {
  type Disclosure,
  nameable,
  redact,
  shownEvidence,
  shownMemberships,
  shownOwner,
  shownPriority
} from '../text/disclosure.js'
import { activityText, standingText } from '../text/evidence.js'
import { escapeText, table } from '../text/markdown.js'
import { membershipsText, notNamedNote, ownerMark, profileLink } from '../text/people.js'

export const STATUS_TITLES: Record<Status, string> = {
  inactive: 'Inactive',
  unknown: 'Unknown (could not be checked)',
  approaching: 'Approaching the threshold',
  exempt: 'Exempt',
  active: 'Active'
}

export interface TableOptions {
  serverUrl: string
  disclosure: Disclosure
}

const LAST_COLUMN: Record<Status, string> = {
  inactive: 'Days since',
  approaching: 'Days since',
  active: 'Days since',
  unknown: 'Why unknown',
  exempt: 'Exemption'
}

/** The table of people with `status`, cut where the budget ends ('' when nobody has it). */
export function peopleSection(status: Status, result: AuditResult, options: TableOptions, budget: number): string {
  const group = result.verdicts.filter((v) => v.status === status).sort(shownPriority(options.disclosure))
  if (group.length === 0) return ''
  const { named, hidden } = nameable(group, (v) => v.person, options.disclosure)
  const rows: string[][] = []
  let size = 0
  for (const v of named) {
    const d = options.disclosure
    const row = [
      profileLink(v.person.login, options.serverUrl) + ownerMark(shownOwner(v.person, d)),
      membershipsText(shownMemberships(v.person, d)),
      activityText(shownEvidence(v.lastActivity, d), { source: true }),
      lastCell(status, v, result.now, d)
    ]
    size += row.join(' | ').length + 6
    if (size > budget) break
    rows.push(row)
  }
  const cut = named.length - rows.length
  const cutNote =
    cut > 0 ? `${cut} more not shown here (the summary is limited to 1 MiB); the JSON report lists everyone.` : ''
  const notes = [notNamedNote(hidden), cutNote].filter(Boolean)
  return [
    `### ${STATUS_TITLES[status]} (${group.length})`,
    table(['Person', 'Organizations', 'Last activity', LAST_COLUMN[status]], rows),
    ...notes
  ].join('\n\n')
}

function lastCell(status: Status, v: Verdict, now: Date, d: Disclosure): string {
  if (status === 'unknown') return escapeText(redact(v.errors.join('; '), d))
  if (status === 'exempt') return exemptionCell(v, now)
  return v.lastActivity ? String(daysBetween(v.lastActivity.at, now)) : `more than ${v.window.days}`
}

/** An exemption's reason and end, with its standing ("expires soon") by the one rule. */
function exemptionCell(v: Verdict, now: Date): string {
  const { reason, until } = v.exemption!.exemption
  const standing = exemptionStanding(v.exemption!, v.window.warnBeforeDays, isoDay(now))
  return (
    escapeText(reason) +
    (until ? ` (until ${until})` : '') +
    (standing === 'expires-soon' ? ` **${standingText(standing)}**` : '')
  )
}

/** Exemptions that are not applied: expired, or not covering every organization. */
export function exemptionsNotApplied(result: AuditResult, options: TableOptions): string {
  const notApplied = result.verdicts.filter((v) => v.exemption && v.exemption.state !== 'valid')
  if (notApplied.length === 0) return ''
  const { named, hidden } = nameable(notApplied, (v) => v.person, options.disclosure)
  const rows = named.map((v) => [
    profileLink(v.person.login, options.serverUrl),
    standingText(v.exemption!.state),
    escapeText(v.exemption!.exemption.until ?? ''),
    escapeText(v.exemption!.exemption.reason)
  ])
  return [
    `### Exemptions not applied (${notApplied.length})`,
    table(['Person', 'State', 'Until', 'Reason'], rows),
    notNamedNote(hidden)
  ]
    .filter(Boolean)
    .join('\n\n')
}
