/**
 * The job summary: counts, per-organization figures and the tables a security team works from.
 * Pure: returns Markdown; main.ts writes it.
 */
import type { AuditResult } from '../audit.js'
import type { ApiUsage } from '../github/client.js'
import { isConcealed, isOwner } from '../members/people.js'
import type { Status, Verdict } from '../verdicts/classify.js'
import { daysBetween } from '../verdicts/window.js'
import { accessSections, inactiveOwnersSection } from './access-summary.js'
import { escapeText, link, table } from './markdown.js'
import { STATUS_ORDER, byPriority, countByStatus } from './order.js'
import type { TrackOutcome } from '../tracking-issue/track.js'

/**
 * A step's summary may hold 1 MiB; over that GitHub drops it with an error annotation
 * (docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#step-isolation-and-limits).
 * Tables stop well before, with a note pointing at the JSON report.
 */
export const SUMMARY_BUDGET = 900 * 1024

export interface SummaryOptions {
  serverUrl: string
  /** The run's repository is public: its summary is public, so concealed members are counted, not named. */
  hideConcealed: boolean
  dryRun: boolean
  /** Remaining core rate limit at the end, when known. */
  rateLimitRemaining?: number | null
}

const TITLES: Record<Status, string> = {
  inactive: 'Inactive',
  unknown: 'Unknown (could not be checked)',
  approaching: 'Approaching the threshold',
  exempt: 'Exempt',
  active: 'Active'
}

export function jobSummary(result: AuditResult, usage: ApiUsage, options: SummaryOptions): string {
  const counts = countByStatus(result.verdicts)
  const parts: string[] = []
  parts.push(
    `## Member audit: ${result.verdicts.length} people in ${result.orgs.length} organization${result.orgs.length === 1 ? '' : 's'}`
  )
  parts.push(
    `Window: ${result.windowDays} days (public activity since ${result.since.toISOString().slice(0, 10)}). ` +
      `Run at ${result.now.toISOString().replace(/\.\d+Z$/, 'Z')}${options.dryRun ? ' as a **dry run**: nothing was written to GitHub' : ''}.`
  )
  if (result.budgetWarning) parts.push(`> [!WARNING]\n> ${escapeText(result.budgetWarning)}`)
  const owners = inactiveOwnersSection(result, options)
  if (owners) parts.push(owners)
  parts.push(
    table(
      ['Status', 'People'],
      STATUS_ORDER.map((s) => [TITLES[s], String(counts[s])])
    )
  )
  parts.push(
    '### Organizations\n\n' +
      table(
        ['Organization', 'Members', 'Inactive', 'Unknown', 'Approaching', 'Exempt', 'Complete'],
        result.orgs.map((o) => {
          const mine = result.verdicts.filter((v) => v.person.memberships.some((m) => m.org === o.login))
          const c = countByStatus(mine)
          return [
            link(o.login, `${options.serverUrl}/${o.login}`),
            String(o.members),
            String(c.inactive),
            String(c.unknown),
            String(c.approaching),
            String(c.exempt),
            o.complete ? 'yes' : 'no'
          ]
        })
      )
  )

  // The access sections are capped by rows; the people tables get what is left of the budget.
  const access = accessSections(result, options)
  let budget = SUMMARY_BUDGET - parts.join('\n\n').length - access.join('\n\n').length
  for (const status of ['inactive', 'unknown', 'approaching', 'exempt'] as const) {
    const group = result.verdicts.filter((v) => v.status === status).sort(byPriority)
    if (group.length === 0) continue
    const section = peopleSection(TITLES[status], status, group, result, options, budget - 2048)
    budget -= section.length
    parts.push(section)
  }

  const expired = result.verdicts.filter((v) => v.exemption && v.exemption.state !== 'valid')
  if (expired.length > 0) {
    const named = expired.filter((v) => !(options.hideConcealed && isConcealed(v.person)))
    parts.push(
      `### Exemptions not applied (${expired.length})\n\n` +
        table(
          ['Person', 'State', 'Until', 'Reason'],
          named.map((v) => [
            link(v.person.login, `${options.serverUrl}/${v.person.login}`),
            v.exemption!.state === 'expired' ? 'expired' : 'does not cover every organization',
            escapeText(v.exemption!.exemption.until ?? ''),
            escapeText(v.exemption!.exemption.reason)
          ])
        ) +
        concealedNote(expired.length - named.length)
    )
  }

  parts.push(...access)

  const api = [
    `REST ${usage.rest}`,
    `GraphQL ${usage.graphql} (${usage.graphqlPoints} points)`,
    `search ${usage.search}`
  ]
  if (options.rateLimitRemaining != null) api.push(`core rate limit left: ${options.rateLimitRemaining}`)
  parts.push(`### API usage\n\n${api.join(' · ')}`)
  return parts.join('\n\n') + '\n'
}

function peopleSection(
  title: string,
  status: Status,
  group: Verdict[],
  result: AuditResult,
  options: SummaryOptions,
  budget: number
): string {
  const named = group.filter((v) => !(options.hideConcealed && isConcealed(v.person)))
  const header = [
    'Person',
    'Organizations',
    'Last activity',
    status === 'unknown' ? 'Why unknown' : status === 'exempt' ? 'Exemption' : 'Days since'
  ]
  const rows: string[][] = []
  let size = 0
  let cut = 0
  for (const v of named) {
    const row = [
      link(v.person.login, `${options.serverUrl}/${v.person.login}`) + (isOwner(v.person) ? ' **(owner)**' : ''),
      v.person.memberships.map((m) => `${escapeText(m.org)} (${m.role === 'admin' ? 'owner' : 'member'})`).join(', '),
      lastActivityCell(v),
      status === 'unknown'
        ? escapeText(v.errors.join('; '))
        : status === 'exempt'
          ? exemptionCell(v, result.now)
          : v.lastActivity
            ? String(daysBetween(new Date(v.lastActivity.at), result.now))
            : `more than ${v.window.days}`
    ]
    const rowSize = row.join(' | ').length + 6
    if (size + rowSize > budget) {
      cut = named.length - rows.length
      break
    }
    size += rowSize
    rows.push(row)
  }
  return (
    `### ${title} (${group.length})\n\n` +
    table(header, rows) +
    concealedNote(group.length - named.length) +
    (cut > 0 ? `\n\n${cut} more not shown here (the summary is limited to 1 MiB); the JSON report lists everyone.` : '')
  )
}

function lastActivityCell(v: Verdict): string {
  const e = v.lastActivity
  if (!e) return 'none in the window'
  return `${link(`${e.kind.replace(/_/g, ' ')} ${e.at.slice(0, 10)}`, e.url)} (${escapeText(e.source)})`
}

function concealedNote(hidden: number): string {
  if (hidden === 0) return ''
  return `\n\n${hidden} concealed member${hidden === 1 ? ' is' : 's are'} not named: this run's repository is public. The JSON report lists them.`
}

/**
 * The tracking issue's part of the summary: a link and what was done, and in a dry run the body
 * that would have been written (left out when the summary is public and the issue is not).
 */
export function trackingSummary(outcome: TrackOutcome, summaryIsPublic: boolean): string {
  const { sync, plan, text, held } = outcome
  const where = sync.url ? link(`#${sync.number}`, sync.url) : 'no issue yet'
  const done =
    held ??
    {
      created: 'created',
      updated: 'updated',
      unchanged: 'unchanged (nothing to write)',
      closed: 'closed: nobody left to contact',
      reopened: 'reopened',
      none: 'not needed: nobody to contact'
    }[sync.action]
  let section = `\n### Tracking issue\n\n${where}: ${done}. ${plan.toContact.length} to contact, ${plan.due.length} due for a privilege change, ${plan.returned.length} returned.\n`
  if (held?.startsWith('dry run')) {
    // A private tracking repository's text may name concealed members: not in a public summary.
    section +=
      summaryIsPublic && !outcome.issueIsPublic
        ? '\nThe would-be issue text is not shown: the tracking repository is private and this summary is public.\n'
        : `\n<details><summary>Issue text this run would write${text.parts.length ? ` (and ${text.parts.length} continuation comments)` : ''}</summary>\n\n${text.body}\n\n</details>\n`
  }
  return section
}

/** An exemption's reason and end, with "expires soon" inside the person's warning band. */
function exemptionCell(v: Verdict, now: Date): string {
  const { reason, until } = v.exemption!.exemption
  const soon = until !== undefined && Date.parse(until) - now.getTime() <= v.window.warnBeforeDays * 86400000
  return escapeText(reason) + (until ? ` (until ${until})` : '') + (soon ? ' **expires soon**' : '')
}
