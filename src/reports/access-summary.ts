/**
 * The summary's sections beyond inactivity: inactive owners first of all, audited teams, outside
 * collaborators, stale or failed invitations, members without two-factor authentication, and
 * exemptions that name nobody in the organizations. Pure.
 */
import { isOwner } from '../members/people.js'
import {
  type Disclosure,
  mayNameIn,
  shownMemberships,
  shownOrgs,
  shownOwner,
  shownPriority
} from '../text/disclosure.js'
import { activityText } from '../text/evidence.js'
import { escapeText, table } from '../text/markdown.js'
import { notNamedNote, profileLink } from '../text/people.js'
import { daysBetween, isoDay } from '../verdicts/days.js'
import { byPriority } from '../verdicts/order.js'
import type { AuditResult } from '../verdicts/result.js'

/** Rows per access table; past it, the JSON report lists the rest (keeps the summary under 1 MiB). */
const ACCESS_ROWS = 500

export interface AccessSummaryOptions {
  serverUrl: string
  disclosure: Disclosure
}

function capped(rows: string[][]): { rows: string[][]; note: string } {
  if (rows.length <= ACCESS_ROWS) return { rows, note: '' }
  const note = `${rows.length - ACCESS_ROWS} more not shown here (the summary is limited to 1 MiB); the JSON report lists them all.`
  return { rows: rows.slice(0, ACCESS_ROWS), note }
}

function section(heading: string, parts: string[]): string {
  return [heading, ...parts.filter(Boolean)].join('\n\n')
}

/** "Inactive owners", for the top of the summary: the biggest risk first. */
export function inactiveOwnersSection(result: AuditResult, options: AccessSummaryOptions): string {
  const d = options.disclosure
  const owners = result.verdicts.filter((v) => v.status === 'inactive' && isOwner(v.person)).sort(shownPriority(d))
  if (owners.length === 0) return ''
  // In public, an owner is named only as owner of organizations where that membership is public.
  const named = owners.filter((v) => shownOwner(v.person, d))
  const names = named.map((v) => {
    const orgs = shownMemberships(v.person, d).filter((m) => m.role === 'admin')
    return `${profileLink(v.person.login, options.serverUrl)} (owner of ${orgs.map((m) => escapeText(m.org)).join(', ')})`
  })
  const hidden = owners.length - named.length
  const rest = hidden ? `${names.length ? '; ' : ''}${hidden} concealed, not named` : ''
  return `### Inactive owners (${owners.length})\n\n${names.join(', ')}${rest}`
}

export function accessSections(result: AuditResult, options: AccessSummaryOptions): string[] {
  return [
    ...result.teams.map((team) => teamSection(team, result, options)),
    outsideCollaboratorsSection(result, options),
    invitationsSection(result, options),
    twoFactorSection(result, options),
    danglingExemptionsSection(result)
  ].filter(Boolean)
}

function teamSection(team: AuditResult['teams'][number], result: AuditResult, options: AccessSummaryOptions): string {
  const status = new Map(result.verdicts.map((v) => [v.person.key, v.status]))
  const statusOf = (login: string): string => status.get(login.toLowerCase()) ?? 'not audited (a bot?)'
  const heading = `### Team ${escapeText(team.team)} (${team.members.length}, inactive after ${team.windowDays} days)`
  if (options.disclosure.public) {
    // Who is in a team is visible to the organization's members only: counts, not names.
    const counts = new Map<string, number>()
    for (const m of team.members) counts.set(statusOf(m.login), (counts.get(statusOf(m.login)) ?? 0) + 1)
    const figures = [...counts].map(([s, n]) => `${n} ${s}`).join(', ')
    return section(heading, [
      `${figures || 'No members'}. Members are not named: this text is public, and a team's members are visible to the organization's members only.`
    ])
  }
  const t = capped(
    team.members.map((m) => [profileLink(m.login, options.serverUrl), m.maintainer ? 'yes' : '', statusOf(m.login)])
  )
  return section(heading, [table(['Member', 'Maintainer', 'Status'], t.rows), t.note])
}

function outsideCollaboratorsSection(result: AuditResult, options: AccessSummaryOptions): string {
  if (!result.outsideCollaborators) return ''
  const all = result.outsideCollaborators
  // Only an organization's members can see who collaborates from outside: none is named in public.
  const named = options.disclosure.public ? [] : [...all].sort(byPriority)
  const o = capped(
    named.map((v) => [
      profileLink(v.person.login, options.serverUrl),
      (v.person.outside ?? [])
        .flatMap((access) => access.repos)
        .map((r) => `${escapeText(r.repo)} (${escapeText(r.permission)})`)
        .join(', ') || 'none seen',
      v.status,
      activityText(v.lastActivity)
    ])
  )
  const body = named.length
    ? table(['Person', 'Repositories (permission)', 'Status', 'Last activity'], o.rows)
    : all.length
      ? `${all.length} not named: this run's repository is public, and only members can see who collaborates from outside.`
      : 'None.'
  return section(`### Outside collaborators (${all.length})`, [body, o.note])
}

function invitationsSection(result: AuditResult, options: AccessSummaryOptions): string {
  if (!result.invitations) return ''
  const { items, notChecked } = result.invitations
  const d = options.disclosure
  // An invitee is no member yet, and an e-mail address is visible to owners only: neither in public.
  const invitee = (i: (typeof items)[number]): string =>
    d.public
      ? '(not named: this text is public)'
      : i.login
        ? profileLink(i.login, options.serverUrl)
        : escapeText(i.email ?? '(no login or email)')
  const rows = items.map((i) => [
    escapeText(i.org),
    invitee(i),
    escapeText(i.role),
    // Only owners invite: an inviter named beside an organization where they are concealed would out them as its owner.
    i.inviter ? (mayNameIn(i.inviter, i.org, d) ? profileLink(i.inviter, options.serverUrl) : '(not named)') : '',
    i.failedAt
      ? `failed ${isoDay(i.failedAt)}: ${escapeText(i.failedReason ?? '')}`
      : `pending for ${daysBetween(i.createdAt, result.now)} days`
  ])
  const t = capped(rows)
  return section(`### Invitations pending too long or failed (${items.length})`, [
    t.rows.length
      ? table(['Organization', 'Invitee', 'Role', 'Invited by', 'State'], t.rows)
      : notChecked.length
        ? ''
        : 'None.',
    t.note,
    notCheckedNote(notChecked)
  ])
}

function twoFactorSection(result: AuditResult, options: AccessSummaryOptions): string {
  if (!result.twoFactorDisabled) return ''
  const { items, notChecked } = result.twoFactorDisabled
  // Each person with the organizations a public text may tie them to; with none, counted, not named.
  const d = options.disclosure
  const named = items
    .map((i) => ({ login: i.login, orgs: shownOrgs(i.login, i.orgs, d) }))
    .filter((i) => i.orgs.length > 0)
  const f = capped(named.map((i) => [profileLink(i.login, options.serverUrl), i.orgs.map(escapeText).join(', ')]))
  return section(`### Without two-factor authentication (${items.length})`, [
    named.length ? table(['Person', 'Organizations'], f.rows) : items.length || notChecked.length ? '' : 'None.',
    f.note,
    notNamedNote(items.length - named.length),
    notCheckedNote(notChecked)
  ])
}

function danglingExemptionsSection(result: AuditResult): string {
  if (!result.danglingExemptions.length) return ''
  const lines = result.danglingExemptions.map(
    (e) => `- ${escapeText(e.login)} (roster line ${e.line}): ${escapeText(e.reason)}`
  )
  return `### Exemptions for people in none of the organizations (${result.danglingExemptions.length})\n\n${lines.join('\n')}\n\nThey can be removed from the roster.`
}

function notCheckedNote(notChecked: { org: string; reason: string }[]): string {
  if (!notChecked.length) return ''
  const where = notChecked.map((n) => `${escapeText(n.org)} (${escapeText(n.reason.replace(/^not checked: /, ''))})`)
  return `**Not checked** in ${where.join(', ')}.`
}
