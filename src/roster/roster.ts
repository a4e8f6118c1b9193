import type { AdjustRule } from './adjust.js'

/** The roster after validation, with every default filled in. Logins keep their written case. */
export interface Roster {
  /** The file it was read from, as the user named it (for messages). */
  file: string
  orgs: OrgRule[]
  inactiveAfterDays: number
  warnBeforeDays: number
  /** Days a member first seen by the run memory (src/memory/) is new: not contacted while nothing is found. */
  newMemberDays: number
  activityScope: 'anywhere' | 'orgs'
  countPrivateActivity: boolean
  maxUnknownPercent: number
  teams: TeamRule[]
  exemptions: Exemption[]
  trackingIssue: TrackingIssueSettings
  include: IncludeSettings
  /** Privilege adjustments (mode: apply); undefined: nothing is ever adjusted. */
  adjust?: AdjustRule
}

interface OrgRule {
  login: string
  inactiveAfterDays: number
  warnBeforeDays: number
  newMemberDays: number
}

export interface TeamRule {
  org: string
  slug: string
  inactiveAfterDays: number
  warnBeforeDays: number
}

export interface Exemption {
  login: string
  reason: string
  approvedBy?: string
  /** Last day the exemption holds, `YYYY-MM-DD`. */
  until?: string
  /** Organizations covered (lower case); undefined means all. */
  orgs?: string[]
  /** Where it is written, so reports can point at it. */
  line: number
}

interface TrackingIssueSettings {
  repo?: string
  /** The issue's identity; default the roster's path relative to the repository root. */
  id?: string
  title: string
  labels: string[]
  /** Accounts whose issue and comments count as the action's own, besides the issue token's (SECURITY.md). */
  writers: string[]
  mention: boolean
  graceDays: number
}

interface IncludeSettings {
  outsideCollaborators: boolean
  pendingInvitations: boolean
  invitationMaxAgeDays: number
  twoFactorDisabled: boolean
  bots: boolean
}

/** Logins are case-insensitive on GitHub; every comparison goes through this. */
export function loginKey(login: string): string {
  return login.toLowerCase()
}
