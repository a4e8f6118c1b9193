/**
 * The preflight stage: before any member list or activity is read, and before anything is
 * written, what these tokens can do for this roster — every organization listable in full, every
 * team found, each `include:` check possible (or not, with the exact reason), the tracking
 * repository found, with issues, writable. Every problem is reported at once, one line each, and
 * the run stops (exit 1) having spent a few requests per organization.
 */
import { InputError } from '../errors.js'
import { NEEDS_OWNER } from '../members/access-checks.js'
import type { GitHubClient } from '../github/client.js'
import { ReadOnce } from '../github/read-once.js'
import { describe, isHttpError } from '../github/failures.js'
import type { Logger } from '../logger.js'
import type { Roster } from '../roster/roster.js'
import { loginKey } from '../roster/roster.js'
import type { Account } from '../tracking-issue/account.js'
import { type OrgAccess, checkOrganization } from './organizations.js'
import { KIND_NAMES, REQUIREMENTS } from './requirements.js'
import { type TokenFacts, hasScope, readTokenFacts } from './token.js'
import { checkTrackingRepository } from './tracking-repository.js'

export interface PreflightDeps {
  client: GitHubClient
  /** The issue token's client (the same client when both inputs hold one token). */
  issueClient: GitHubClient
  /** What the run reads once with the issue token (github/read-once.ts); a new one when not given. */
  issueReads?: ReadOnce
  roster: Roster
  /** `owner/name` of the tracking repository, or null when there is none. */
  trackingRepo: string | null
  /** Whether the run will write the tracking issue (not a dry run). */
  writes: boolean
  /** mode: apply: the token must be able to change memberships (an owner's). */
  apply?: boolean
  /** The workflow's own repository (`GITHUB_REPOSITORY`), when run in Actions. */
  workflowRepository?: string | null
  /** Each input's token is a classic one by its prefix (ghp_, gho_), when its answers cannot tell. */
  classicByPrefix?: { token: boolean; issueToken: boolean }
  log: Logger
}

export interface Preflight {
  token: TokenFacts
  /** The issue token's account: the only author the tracking issue trusts. */
  issueAccount: Account | null
  /** Each organization's access, by lower-case login. */
  orgs: Map<string, OrgAccess>
  /** Why an include check cannot be made in an organization, by check and lower-case org. */
  /** The access checks this token cannot make, by organization, with why: asked of nobody. */
  ruledOut: { invitations: Map<string, string>; twoFactor: Map<string, string> }
}

export async function preflight(deps: PreflightDeps): Promise<Preflight> {
  const { client, roster, log } = deps
  const token = await readTokenFacts(client, 'token', deps.classicByPrefix?.token ?? false)
  // A user's login is left out: the log of a public repository's run is public, and the account
  // may be a concealed member. An app's bot is public by nature.
  const of = token.account.type === 'Bot' ? ` of ${token.account.login}` : ''
  const scopes = token.scopes ? ` (scopes: ${token.scopes.join(', ') || 'none'})` : ''
  log.info(`Token: ${KIND_NAMES[token.kind]}${of}${scopes}.`)
  const problems: string[] = []
  const orgs = new Map<string, OrgAccess>()
  for (const check of await Promise.all(roster.orgs.map((o) => checkOrganization(client, o.login, token)))) {
    if ('problem' in check) problems.push(check.problem)
    else orgs.set(loginKey(check.access.org), check.access)
  }
  if (!hasScope(token, 'repo') && roster.countPrivateActivity) {
    problems.push(
      `count-private-activity is on, but the "token" input is a classic token without the repo scope: private activity could not be seen. It needs ${REQUIREMENTS.privateActivity.needs.classic}.`
    )
  }
  if (deps.apply) problems.push(...applyProblems(orgs))
  problems.push(...(await checkTeams(client, roster)))
  const tracking = await checkTracking(deps, token)
  problems.push(...tracking.problems)
  if (problems.length) throw new InputError(problems.join('\n'))
  for (const warning of tracking.warnings) log.warning(warning)
  if (roster.countPrivateActivity && token.kind !== 'classic') {
    // What a fine-grained or App token may read is set per repository and cannot be asked.
    log.warning(
      `count-private-activity is on with ${KIND_NAMES[token.kind]}: private activity is seen only in the repositories it was granted (${REQUIREMENTS.privateActivity.needs[token.kind]}); activity in others is not counted.`
    )
  }
  return { token, issueAccount: tracking.account, orgs, ruledOut: includeChecks(roster, token, orgs) }
}

/** Changing a membership or a team takes an owner (docs: orgs/members#set-organization-membership-for-a-user). */
function applyProblems(orgs: Map<string, OrgAccess>): string[] {
  return [...orgs.values()]
    .filter((a) => a.role === 'member')
    .map(
      (a) =>
        `mode is apply, but the "token" input's account is not an owner of ${a.org}: it cannot change memberships there. It needs ${REQUIREMENTS.adjust.needs.classic} (classic) or ${REQUIREMENTS.adjust.needs['fine-grained']}.`
    )
}

async function checkTeams(client: GitHubClient, roster: Roster): Promise<string[]> {
  const problems = await Promise.all(
    roster.teams.map(async (t) => {
      try {
        await client.request('GET /orgs/{org}/teams/{team_slug}', { org: t.org, team_slug: t.slug })
        return null
      } catch (error) {
        const why = isHttpError(error) && [403, 404].includes(error.status) ? `${error.status}` : describe(error)
        return `Team "${t.org}/${t.slug}" (roster teams) was not found, or the "token" input cannot see it (${why}). Check the slug; the token needs ${REQUIREMENTS.teams.needs.classic} (classic) or ${REQUIREMENTS.teams.needs['fine-grained']}.`
      }
    })
  )
  return problems.filter((p): p is string => p !== null)
}

async function checkTracking(
  deps: PreflightDeps,
  token: TokenFacts
): Promise<{ problems: string[]; warnings: string[]; account: Account | null }> {
  if (!deps.trackingRepo) return { problems: [], warnings: [], account: null }
  const facts =
    deps.issueClient === deps.client
      ? token
      : await readTokenFacts(deps.issueClient, 'issue-token', deps.classicByPrefix?.issueToken ?? false)
  const checked = await checkTrackingRepository(
    deps.issueReads ?? new ReadOnce(deps.issueClient),
    deps.trackingRepo,
    facts,
    deps.writes,
    deps.apply ?? false
  )
  // The workflow's GITHUB_TOKEN is limited to the repository that runs the workflow
  // (docs.github.com/en/actions/security-for-github-actions/security-guides/automatic-token-authentication).
  const own = deps.workflowRepository?.toLowerCase()
  if (deps.writes && facts.workflowToken && own && own !== deps.trackingRepo.toLowerCase()) {
    checked.problems.push(
      `Tracking repository ${deps.trackingRepo}: the issue token is the workflow's GITHUB_TOKEN, which can write issues only in ${deps.workflowRepository}, the repository running the workflow. Set "issue-token" to a token with ${REQUIREMENTS.trackingIssue.needs['fine-grained']}, or keep the tracking issue in ${deps.workflowRepository}.`
    )
  }
  return { ...checked, account: facts.account }
}

/**
 * The include checks a token's kind, scopes and role rule out, each with its exact reason; the
 * others are tried, and a refusal then is reported as not checked with GitHub's answer.
 */
function includeChecks(roster: Roster, token: TokenFacts, orgs: Map<string, OrgAccess>): Preflight['ruledOut'] {
  const invitations = new Map<string, string>()
  const twoFactor = new Map<string, string>()
  for (const [key, access] of orgs) {
    const notOwner = access.role === 'member' ? `${NEEDS_OWNER}: the token's account is a member, not an owner` : null
    if (roster.include.pendingInvitations) {
      const reason =
        notOwner ??
        (hasScope(token, 'admin:org')
          ? null
          : 'not checked: the "token" input is a classic token without the admin:org scope')
      if (reason) invitations.set(key, reason)
    }
    if (roster.include.twoFactorDisabled && notOwner) twoFactor.set(key, notOwner)
  }
  return { invitations, twoFactor }
}
