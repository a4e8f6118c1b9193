/** The people table as CSV (`csv-path`), for people who work in spreadsheets. */
import type { AuditResult } from '../verdicts/result.js'
import { isOwner } from '../members/people.js'
import { byPriority } from '../verdicts/order.js'

const HEADER = [
  'login',
  'status',
  'owner',
  'orgs',
  'last_activity_at',
  'last_activity_kind',
  'last_activity_url',
  'source',
  'exemption_reason',
  'exemption_until',
  'exemption_state',
  'errors'
]

/**
 * One cell, quoted when needed. A cell starting with = + - @ is prefixed with ' so that a
 * spreadsheet does not run roster text as a formula.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function peopleCsv(result: AuditResult): string {
  const rows = [...result.verdicts]
    .sort(byPriority)
    .map((v) => [
      v.person.login,
      v.status,
      isOwner(v.person) ? 'yes' : 'no',
      v.person.memberships.map((m) => `${m.org}:${m.role}${m.public ? '' : ':concealed'}`).join(' '),
      v.lastActivity?.at ?? '',
      v.lastActivity?.kind ?? '',
      v.lastActivity?.url ?? '',
      v.lastActivity?.source ?? '',
      v.exemption?.exemption.reason ?? '',
      v.exemption?.exemption.until ?? '',
      v.exemption?.state ?? '',
      v.errors.join('; ')
    ])
  return [HEADER, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n'
}
