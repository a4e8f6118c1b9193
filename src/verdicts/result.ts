/** The audit's result: every verdict, and what the members stage found besides. Read by every report. */
import type { CheckResult, Invitation, NotChecked } from '../members/access-checks.js'
import type { Person } from '../members/people.js'
import type { Exemption } from '../roster/roster.js'
import type { Verdict } from './classify.js'

export interface OrgResult {
  login: string
  members: number
  /** False when some member of this org could not be checked (any unknown verdict). */
  complete: boolean
}

interface TeamResult {
  team: string
  windowDays: number
  members: { login: string; maintainer: boolean }[]
}

export interface AuditResult {
  now: Date
  windowDays: number
  since: Date
  orgs: OrgResult[]
  verdicts: Verdict[]
  /** Bots left out of the audit (include.bots is false). */
  skippedBots: Person[]
  /** Audited teams with their members. */
  teams: TeamResult[]
  /** Pending invitations older than invitation-max-age-days, and failed ones (include.pending-invitations). */
  invitations: CheckResult<Invitation> | null
  /** Members without two-factor authentication, one entry per person (include.two-factor-disabled). */
  twoFactorDisabled: CheckResult<{ login: string; orgs: string[] }> | null
  /** Exemptions naming someone in none of the audited organizations. */
  danglingExemptions: Exemption[]
  /** Everyone holding repositories as an outside collaborator, with their verdict (include.outside-collaborators). */
  outsideCollaborators: Verdict[] | null
  /** Repositories whose outside collaborators GitHub would not list: that part of the check is undone. */
  outsideNotChecked: NotChecked[]
  /** Set when the estimated cost exceeded the REST requests left at the start. */
  budgetWarning: string | null
  /** Full names of the private repositories the run listed (never named in public text). */
  privateRepositories: string[]
}
