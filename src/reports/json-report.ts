/** The JSON report of PRODUCT.md ("JSON report"), version 1. Extends it, never breaks it. */
import type { AuditResult } from '../audit.js'
import type { ApiUsage } from '../github/client.js'
import { isOwner } from '../members/people.js'
import { byPriority } from './order.js'

/** `notChecked`: requested checks this version does not make (see not-checked.ts). */
export function jsonReport(
  result: AuditResult,
  usage: ApiUsage,
  notChecked: Record<string, string> = {}
): Record<string, unknown> {
  const statusOf = new Map(result.verdicts.map((v) => [v.person.key, v.status]))
  return {
    version: 1,
    generatedAt: result.now.toISOString(),
    windowDays: result.windowDays,
    since: result.since.toISOString(),
    orgs: result.orgs.map((o) => ({ login: o.login, members: o.members, complete: o.complete })),
    people: [...result.verdicts].sort(byPriority).map((v) => ({
      login: v.person.login,
      status: v.status,
      orgs: v.person.memberships.map((m) => ({ org: m.org, role: m.role, public: m.public })),
      teams: v.person.teams ?? [],
      windowDays: v.window.days,
      lastActivity: v.lastActivity
        ? {
            at: v.lastActivity.at,
            kind: v.lastActivity.kind,
            url: v.lastActivity.url,
            source: v.lastActivity.source,
            repo: v.lastActivity.repo
          }
        : null,
      exemption: v.exemption
        ? {
            reason: v.exemption.exemption.reason,
            approvedBy: v.exemption.exemption.approvedBy ?? null,
            until: v.exemption.exemption.until ?? null,
            state: v.exemption.state
          }
        : null,
      errors: v.errors
    })),
    inactiveOwners: result.verdicts
      .filter((v) => v.status === 'inactive' && isOwner(v.person))
      .map((v) => v.person.login),
    teams: result.teams.map((t) => ({
      ...t,
      members: t.members.map((m) => ({ ...m, status: statusOf.get(m.login.toLowerCase()) ?? null }))
    })),
    skippedBots: result.skippedBots.map((p) => p.login),
    outsideCollaborators: (result.outsideCollaborators ?? []).map((v) => ({
      login: v.person.login,
      status: v.status,
      repos: (v.person.outside ?? []).flatMap((o) => o.repos),
      lastActivity: v.lastActivity
        ? { at: v.lastActivity.at, kind: v.lastActivity.kind, url: v.lastActivity.url, source: v.lastActivity.source }
        : null,
      errors: v.errors
    })),
    invitations: result.invitations?.items ?? [],
    twoFactorDisabled: result.twoFactorDisabled?.items ?? [],
    danglingExemptions: result.danglingExemptions.map((e) => ({ login: e.login, reason: e.reason, line: e.line })),
    notChecked,
    apiUsage: { ...usage }
  }
}
