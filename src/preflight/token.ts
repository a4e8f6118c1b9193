/**
 * What kind of token the run was given, from GitHub's own answers, never from what a member list
 * looks like: a classic token's scopes come back in `X-OAuth-Scopes` on every REST answer
 * (docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps); a fine-grained
 * token has a user (`GET /user`) and no such header; an installation token has no user (403
 * "Resource not accessible by integration"), and GraphQL's `viewer` names its app's bot — the
 * workflow's GITHUB_TOKEN is `github-actions[bot]`.
 */
import type { GitHubClient } from '../github/client.js'
import { rejectedTokenError } from '../github/explain.js'
import { isHttpError } from '../github/failures.js'
import type { Account } from '../tracking-issue/account.js'
import type { TokenKind } from './requirements.js'

export interface TokenFacts {
  kind: TokenKind
  /** A classic token's scopes; null for other kinds. */
  scopes: string[] | null
  /** Who the token acts as (a user, or an app's bot). */
  account: Account
  /** The workflow's own GITHUB_TOKEN (the action's default `token`). */
  workflowToken: boolean
}

const WORKFLOW_BOT = 'github-actions[bot]'

export async function readTokenFacts(
  client: GitHubClient,
  input: 'token' | 'issue-token',
  classicByPrefix = false
): Promise<TokenFacts> {
  try {
    const { data, headers } = await client.request('GET /user')
    const header = headers['x-oauth-scopes']
    const listed =
      typeof header === 'string'
        ? header
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : []
    // An empty header is sent to some tokens that have no scopes at all (fine-grained, GitHub App
    // user tokens): only a token that is classic by its prefix is then a classic one without scopes.
    const scopes = listed.length > 0 || (typeof header === 'string' && classicByPrefix) ? listed : null
    const account: Account = { login: data.login, type: data.type === 'Bot' ? 'Bot' : 'User' }
    return { kind: scopes ? 'classic' : 'fine-grained', scopes, account, workflowToken: false }
  } catch (error) {
    if (isHttpError(error) && error.status === 401) throw rejectedTokenError(error, input)
    if (!(isHttpError(error) && error.status === 403)) throw error
  }
  const { viewer } = await client.graphql<{ viewer: { login: string } }>('query Viewer { viewer { login } }')
  const login = viewer.login.endsWith('[bot]') ? viewer.login : `${viewer.login}[bot]`
  return { kind: 'installation', scopes: null, account: { login, type: 'Bot' }, workflowToken: login === WORKFLOW_BOT }
}

/** Whether a classic token holds `scope` (a broader scope includes a narrower one). */
export function hasScope(facts: TokenFacts, scope: 'read:org' | 'admin:org' | 'repo' | 'public_repo'): boolean {
  if (!facts.scopes) return true
  const includes: Record<string, string[]> = {
    'read:org': ['read:org', 'write:org', 'admin:org'],
    'admin:org': ['admin:org'],
    repo: ['repo'],
    public_repo: ['public_repo', 'repo']
  }
  return facts.scopes.some((s) => includes[scope]!.includes(s))
}

/**
 * Whether a token is a classic personal access token or an OAuth app's token by its prefix
 * (GitHub's token formats: ghp_ classic, gho_ OAuth; github_pat_ fine-grained, ghu_/ghs_ GitHub
 * App tokens). Only consulted when GitHub's answers leave it open.
 */
export function isClassicToken(token: string): boolean {
  return /^gh[po]_/.test(token)
}
