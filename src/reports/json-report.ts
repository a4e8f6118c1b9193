/** The JSON report of docs/contract.md ("JSON report"), version 1. Extends it, never breaks it. */
import type { AuditResult } from '../verdicts/result.js'
import type { ApiUsage } from '../github/client.js'
import { isOwner } from '../members/people.js'
import type { Verdict } from '../verdicts/classify.js'
import { byPriority } from '../verdicts/order.js'

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
    people: [...result.verdicts].sort(byPriority).map(personEntry),
    inactiveOwners: result.verdicts
      .filter((v) => v.status === 'inactive' && isOwner(v.person))
      .map((v) => v.person.login),
    newMembers: result.verdicts
      .filter((v) => v.newMember)
      .map((v) => ({ login: v.person.login, firstSeen: v.newMember!.firstSeen })),
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

function personEntry(v: Verdict): Record<string, unknown> {
  const e = v.lastActivity
  const x = v.exemption
  return {
    login: v.person.login,
    status: v.status,
    orgs: v.person.memberships.map((m) => ({ org: m.org, role: m.role, public: m.public })),
    teams: v.person.teams ?? [],
    windowDays: v.window.days,
    lastActivity: e ? { at: e.at, kind: e.kind, url: e.url, source: e.source, repo: e.repo } : null,
    exemption: x
      ? {
          reason: x.exemption.reason,
          approvedBy: x.exemption.approvedBy ?? null,
          until: x.exemption.until ?? null,
          state: x.state
        }
      : null,
    errors: v.errors,
    newMember: v.newMember ?? null
  }
}
