/**
 * The summary's sections beyond inactivity: inactive owners first of all, audited teams, stale
 * or failed invitations, members without two-factor authentication, and exemptions that name
 * nobody in the organizations. Pure.
 */
import type { AuditResult } from '../audit.js'
import { isConcealed, isOwner } from '../members/people.js'
import { daysBetween } from '../verdicts/window.js'
import { escapeText, link, table } from './markdown.js'
import { byPriority } from './order.js'

/** Rows per access table; past it, the JSON report lists the rest (keeps the summary under 1 MiB). */
export const ACCESS_ROWS = 500

function capped(rows: string[][]): { rows: string[][]; note: string } {
  return rows.length > ACCESS_ROWS
    ? {
        rows: rows.slice(0, ACCESS_ROWS),
        note: `${rows.length - ACCESS_ROWS} more not shown here (the summary is limited to 1 MiB); the JSON report lists them all.`
      }
    : { rows, note: '' }
}

export interface AccessSummaryOptions {
  serverUrl: string
  hideConcealed: boolean
}

/** "Inactive owners", for the top of the summary: the biggest risk first. */
export function inactiveOwnersSection(result: AuditResult, options: AccessSummaryOptions): string {
  const owners = result.verdicts.filter((v) => v.status === 'inactive' && isOwner(v.person)).sort(byPriority)
  if (owners.length === 0) return ''
  const named = owners.filter((v) => !(options.hideConcealed && isConcealed(v.person)))
  const names = named.map(
    (v) =>
      `${link(v.person.login, `${options.serverUrl}/${v.person.login}`)} (owner of ${v.person.memberships
        .filter((m) => m.role === 'admin')
        .map((m) => escapeText(m.org))
        .join(', ')})`
  )
  const hidden = owners.length - named.length
  return `### Inactive owners (${owners.length})\n\n${names.join(', ')}${hidden ? `${names.length ? '; ' : ''}${hidden} concealed, not named` : ''}`
}

export function accessSections(result: AuditResult, options: AccessSummaryOptions): string[] {
  const sections: string[] = []
  const profile = (login: string): string => link(login, `${options.serverUrl}/${login}`)
  const concealed = new Set(result.verdicts.filter((v) => isConcealed(v.person)).map((v) => v.person.key))
  const shown = (login: string): boolean => !(options.hideConcealed && concealed.has(login.toLowerCase()))
  const status = new Map(result.verdicts.map((v) => [v.person.key, v.status]))

  for (const team of result.teams) {
    const members = team.members.filter((m) => shown(m.login))
    const t = capped(
      members.map((m) => [
        profile(m.login),
        m.maintainer ? 'yes' : '',
        status.get(m.login.toLowerCase()) ?? 'not audited (a bot?)'
      ])
    )
    sections.push(
      section(`### Team ${escapeText(team.team)} (${team.members.length}, inactive after ${team.windowDays} days)`, [
        table(['Member', 'Maintainer', 'Status'], t.rows),
        t.note,
        members.length < team.members.length
          ? `${team.members.length - members.length} concealed members not named.`
          : ''
      ])
    )
  }

  if (result.outsideCollaborators) {
    const all = result.outsideCollaborators
    const named = options.hideConcealed ? [] : all
    const o = capped(
      [...named].sort(byPriority).map((v) => [
        profile(v.person.login),
        (v.person.outside ?? [])
          .flatMap((access) => access.repos)
          .map((r) => `${escapeText(r.repo)} (${escapeText(r.permission)})`)
          .join(', ') || 'none seen',
        v.status,
        v.lastActivity
          ? link(`${v.lastActivity.kind.replace(/_/g, ' ')} ${v.lastActivity.at.slice(0, 10)}`, v.lastActivity.url)
          : 'none in the window'
      ])
    )
    sections.push(
      section(`### Outside collaborators (${all.length})`, [
        named.length
          ? table(['Person', 'Repositories (permission)', 'Status', 'Last activity'], o.rows)
          : all.length
            ? `${all.length} not named: this run's repository is public, and only members can see who collaborates from outside.`
            : 'None.',
        o.note
      ])
    )
  }

  if (result.invitations) {
    const { items, notChecked } = result.invitations
    const i2 = capped(
      items.map((i) => [
        escapeText(i.org),
        i.login ? profile(i.login) : escapeText(i.email ?? '(no login or email)'),
        escapeText(i.role),
        i.inviter ? profile(i.inviter) : '',
        i.failedAt
          ? `failed ${i.failedAt.slice(0, 10)}: ${escapeText(i.failedReason ?? '')}`
          : `pending for ${daysBetween(new Date(i.createdAt), result.now)} days`
      ])
    )
    sections.push(
      section(`### Invitations pending too long or failed (${items.length})`, [
        i2.rows.length
          ? table(['Organization', 'Invitee', 'Role', 'Invited by', 'State'], i2.rows)
          : notChecked.length
            ? ''
            : 'None.',
        i2.note,
        notCheckedNote(notChecked)
      ])
    )
  }

  if (result.twoFactorDisabled) {
    const { items, notChecked } = result.twoFactorDisabled
    const named = items.filter((i) => shown(i.login))
    const f = capped(named.map((i) => [profile(i.login), i.orgs.map(escapeText).join(', ')]))
    sections.push(
      section(`### Without two-factor authentication (${items.length})`, [
        named.length ? table(['Person', 'Organizations'], f.rows) : items.length || notChecked.length ? '' : 'None.',
        f.note,
        named.length < items.length ? `${items.length - named.length} concealed members not named.` : '',
        notCheckedNote(notChecked)
      ])
    )
  }

  if (result.danglingExemptions.length) {
    sections.push(
      `### Exemptions for people in none of the organizations (${result.danglingExemptions.length})\n\n` +
        result.danglingExemptions
          .map((e) => `- ${escapeText(e.login)} (roster line ${e.line}): ${escapeText(e.reason)}`)
          .join('\n') +
        '\n\nThey can be removed from the roster.'
    )
  }
  return sections
}

function section(heading: string, parts: string[]): string {
  return [heading, ...parts.filter(Boolean)].join('\n\n')
}

function notCheckedNote(notChecked: { org: string; reason: string }[]): string {
  return notChecked.length
    ? `**Not checked** in ${notChecked.map((n) => `${escapeText(n.org)} (${escapeText(n.reason.replace(/^not checked: /, ''))})`).join(', ')}.`
    : ''
}
