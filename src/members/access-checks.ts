/**
 * Access nobody uses or guards, read per organization: invitations left pending (or failed), and
 * members without two-factor authentication. Both are for organization owners' eyes only
 * (docs.github.com/en/rest/orgs/members: the 2FA filters "are only available for organization
 * owners"); any other token gets "not checked", never an empty "none found".
 */
import type { GitHubClient } from '../github/client.js'
import { describe, isHttpError } from '../github/failures.js'
import type { Roster } from '../roster/roster.js'
import { loginKey } from '../roster/roster.js'
import { DAY_MS } from '../verdicts/days.js'

export interface Invitation {
  org: string
  login: string | null
  email: string | null
  role: string
  createdAt: string
  inviter: string | null
  failedAt?: string
  failedReason?: string
}

/** What one check found across organizations, and where it could not look. */
/** A check left undone in one organization, and why. */
export interface NotChecked {
  org: string
  reason: string
}

export interface CheckResult<T> {
  items: T[]
  notChecked: NotChecked[]
}

export const NEEDS_OWNER = "not checked: needs an organization owner's token"

interface InvitationJson {
  login: string | null
  email: string | null
  role: string
  created_at: string
  inviter?: { login: string } | null
  failed_at?: string
  failed_reason?: string
}

/** Pending invitations older than `maxAgeDays`, and failed ones. */
async function readInvitations(
  client: GitHubClient,
  org: string,
  maxAgeDays: number,
  now: Date
): Promise<CheckResult<Invitation>> {
  try {
    const read = async (route: string): Promise<InvitationJson[]> =>
      (await client.paginate(route, { org, per_page: 100 })) as InvitationJson[]
    const [pending, failed] = await Promise.all([
      read('GET /orgs/{org}/invitations'),
      read('GET /orgs/{org}/failed_invitations')
    ])
    const cutoff = now.getTime() - maxAgeDays * DAY_MS
    const item = (i: InvitationJson): Invitation => ({
      org,
      login: i.login,
      email: i.email,
      role: i.role,
      createdAt: i.created_at,
      inviter: i.inviter?.login ?? null,
      ...(i.failed_at ? { failedAt: i.failed_at, failedReason: i.failed_reason ?? '' } : {})
    })
    return {
      items: [...pending.filter((i) => Date.parse(i.created_at) < cutoff).map(item), ...failed.map(item)],
      notChecked: []
    }
  } catch (error) {
    return { items: [], notChecked: [{ org, reason: notCheckedReason(error) }] }
  }
}

/** Logins of members (and, when asked, outside collaborators) without two-factor authentication. */
async function readTwoFactorDisabled(
  client: GitHubClient,
  org: string,
  outsideCollaborators = false
): Promise<CheckResult<string>> {
  try {
    const users = (await client.paginate('GET /orgs/{org}/members', {
      org,
      filter: '2fa_disabled',
      per_page: 100
    })) as { login: string }[]
    if (outsideCollaborators) {
      users.push(
        ...((await client.paginate('GET /orgs/{org}/outside_collaborators', {
          org,
          filter: '2fa_disabled',
          per_page: 100
        })) as { login: string }[])
      )
    }
    return { items: users.map((u) => u.login), notChecked: [] }
  } catch (error) {
    return { items: [], notChecked: [{ org, reason: notCheckedReason(error) }] }
  }
}

/**
 * Why GitHub's refusal leaves a check undone. What the token's kind, scopes and role rule out is
 * known before (preflight/preflight.ts); a refusal here is GitHub's own word, said as it is.
 */
function notCheckedReason(error: unknown): string {
  if (isHttpError(error) && error.status === 422) return NEEDS_OWNER
  return `not checked: GitHub refused it (${describe(error)})`
}

function mergeChecks<T>(results: CheckResult<T>[]): CheckResult<T> {
  return { items: results.flatMap((r) => r.items), notChecked: results.flatMap((r) => r.notChecked) }
}

/** What the access checks found, each null when the roster does not ask for it. */
export interface AccessFindings {
  /** Pending invitations older than invitation-max-age-days, and failed ones (include.pending-invitations). */
  invitations: CheckResult<Invitation> | null
  /** Members without two-factor authentication, one entry per person (include.two-factor-disabled). */
  twoFactorDisabled: CheckResult<{ login: string; orgs: string[] }> | null
}

/** Checks the preflight ruled out, with the reason, by lower-case org (none: try them all). */
export interface RuledOut {
  invitations: Map<string, string>
  twoFactor: Map<string, string>
}

const NONE_RULED_OUT: RuledOut = { invitations: new Map(), twoFactor: new Map() }

/** Invitations and two-factor status, per organization, when the roster asks for them. */
export async function readAccessFindings(
  client: GitHubClient,
  roster: Roster,
  now: Date,
  ruledOut = NONE_RULED_OUT
): Promise<AccessFindings> {
  const { include } = roster
  const skip = (org: string, map: Map<string, string>) => {
    const reason = map.get(loginKey(org))
    return reason ? { items: [], notChecked: [{ org, reason }] } : null
  }
  const invitations = include.pendingInvitations
    ? mergeChecks(
        await Promise.all(
          roster.orgs.map(
            (o) =>
              skip(o.login, ruledOut.invitations) ?? readInvitations(client, o.login, include.invitationMaxAgeDays, now)
          )
        )
      )
    : null
  if (!include.twoFactorDisabled) return { invitations, twoFactorDisabled: null }
  const perOrg = await Promise.all(
    roster.orgs.map(async (o) => ({
      org: o.login,
      result:
        skip(o.login, ruledOut.twoFactor) ??
        (await readTwoFactorDisabled(client, o.login, include.outsideCollaborators))
    }))
  )
  // One line per person, across organizations (the people to contact once, not once per org).
  const byPerson = new Map<string, { login: string; orgs: string[] }>()
  for (const { org, result } of perOrg) {
    for (const login of result.items) {
      const entry = byPerson.get(loginKey(login)) ?? { login, orgs: [] }
      entry.orgs.push(org)
      byPerson.set(loginKey(login), entry)
    }
  }
  const items = [...byPerson.values()].sort((a, b) => a.login.localeCompare(b.login))
  return { invitations, twoFactorDisabled: { items, notChecked: perOrg.flatMap((p) => p.result.notChecked) } }
}
