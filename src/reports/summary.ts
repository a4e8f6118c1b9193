/**
 * The job summary: counts, per-organization figures and the tables a security team works from.
 * Pure: returns Markdown; the entries write it.
 */
import type { ApiUsage } from '../github/client.js'
import type { Settings } from '../inputs.js'
import { type Disclosure, disclosureFor } from '../text/disclosure.js'
import { escapeText, table } from '../text/markdown.js'
import { count, profileLink } from '../text/people.js'
import type { TrackOutcome } from '../tracking-issue/track.js'
import { isoDay } from '../verdicts/days.js'
import { STATUS_ORDER, countByStatus } from '../verdicts/order.js'
import type { AuditResult } from '../verdicts/result.js'
import { accessSections, inactiveOwnersSection } from './access-summary.js'
import { newMembersSection } from './new-members.js'
import { notCheckedSummary } from './not-checked.js'
import { STATUS_TITLES, exemptionsNotApplied, peopleSection } from './people-tables.js'
import { trackingSummary } from './tracking-section.js'

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

export interface RunSummaryInput {
  result: AuditResult
  usage: ApiUsage
  settings: Pick<Settings, 'serverUrl' | 'dryRun'>
  summaryIsPublic: boolean
  tracking: TrackOutcome | null
  skipped: Record<string, string>
  rateLimitRemaining: number | null
}

/** The whole summary of a run: the audit, the tracking issue, and what was not checked. */
export function runSummary(input: RunSummaryInput): string {
  const { result, usage, settings, summaryIsPublic } = input
  const options = {
    serverUrl: settings.serverUrl,
    hideConcealed: summaryIsPublic,
    dryRun: settings.dryRun,
    rateLimitRemaining: input.rateLimitRemaining
  }
  const tracking = input.tracking ? trackingSummary(input.tracking, summaryIsPublic) : ''
  const shown = disclosureFor(result, summaryIsPublic)
  return (
    jobSummary(result, usage, options) +
    newMembersSection(result, shown, settings.serverUrl, input.tracking?.memoryNotice) +
    tracking +
    notCheckedSummary(input.skipped, shown)
  )
}

export function jobSummary(result: AuditResult, usage: ApiUsage, options: SummaryOptions): string {
  const shown = disclosureFor(result, options.hideConcealed)
  const parts: string[] = [...heading(result, options), ...overview(result, options, shown)]
  // The access sections are capped by rows; the people tables get what is left of the budget.
  const access = accessSections(result, { serverUrl: options.serverUrl, disclosure: shown })
  let budget = SUMMARY_BUDGET - parts.join('\n\n').length - access.join('\n\n').length
  for (const status of ['inactive', 'unknown', 'approaching', 'exempt'] as const) {
    const section = peopleSection(status, result, { serverUrl: options.serverUrl, disclosure: shown }, budget - 2048)
    budget -= section.length
    if (section) parts.push(section)
  }
  const exemptions = exemptionsNotApplied(result, { serverUrl: options.serverUrl, disclosure: shown })
  if (exemptions) parts.push(exemptions)
  parts.push(...access, apiUsage(usage, options.rateLimitRemaining))
  return parts.join('\n\n') + '\n'
}

function heading(result: AuditResult, options: SummaryOptions): string[] {
  const dry = options.dryRun ? ' as a **dry run**: nothing was written to GitHub' : ''
  const parts = [
    `## Member audit: ${result.verdicts.length} people in ${count(result.orgs.length, 'organization')}`,
    `Window: ${result.windowDays} days (public activity since ${isoDay(result.since)}). ` +
      `Run at ${result.now.toISOString().replace(/\.\d+Z$/, 'Z')}${dry}.`
  ]
  if (result.budgetWarning) parts.push(`> [!WARNING]\n> ${escapeText(result.budgetWarning)}`)
  return parts
}

function overview(result: AuditResult, options: SummaryOptions, shown: Disclosure): string[] {
  const counts = countByStatus(result.verdicts)
  const owners = inactiveOwnersSection(result, { serverUrl: options.serverUrl, disclosure: shown })
  const orgRows = result.orgs.map((o) => {
    const c = countByStatus(result.verdicts.filter((v) => v.person.memberships.some((m) => m.org === o.login)))
    const figures = [o.members, c.inactive, c.unknown, c.approaching, c.exempt].map(String)
    return [profileLink(o.login, options.serverUrl), ...figures, o.complete ? 'yes' : 'no']
  })
  return [
    ...(owners ? [owners] : []),
    table(
      ['Status', 'People'],
      STATUS_ORDER.map((s) => [STATUS_TITLES[s], String(counts[s])])
    ),
    '### Organizations\n\n' +
      table(['Organization', 'Members', 'Inactive', 'Unknown', 'Approaching', 'Exempt', 'Complete'], orgRows)
  ]
}

function apiUsage(usage: ApiUsage, rateLimitRemaining: number | null | undefined): string {
  const api = [
    `REST ${usage.rest}`,
    `GraphQL ${usage.graphql} (${usage.graphqlPoints} points)`,
    `search ${usage.search}`
  ]
  if (rateLimitRemaining != null) api.push(`core rate limit left: ${rateLimitRemaining}`)
  return `### API usage\n\n${api.join(' · ')}`
}
