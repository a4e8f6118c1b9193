/**
 * Can each organization be listed in full — its concealed members included? GitHub answers a token
 * that cannot see them with the public members only, silently, so this is asked of the membership
 * endpoints, which need exactly what the full list needs (Members: read, read:org, and for a user's
 * token the user's own active membership: docs.github.com/en/rest/orgs/members).
 */
import type { GitHubClient } from '../github/client.js'
import { rejectedTokenError } from '../github/explain.js'
import { describe, isHttpError } from '../github/failures.js'
import { REQUIREMENTS } from './requirements.js'
import { type TokenFacts, hasScope } from './token.js'

export interface OrgAccess {
  org: string
  /** The token's account's role there; null for an installation token (no account of its own). */
  role: 'admin' | 'member' | null
}

export type OrgCheck = { access: OrgAccess } | { problem: string }

const needs = (facts: TokenFacts): string => REQUIREMENTS.members.needs[facts.kind]

export async function checkOrganization(client: GitHubClient, org: string, facts: TokenFacts): Promise<OrgCheck> {
  const who = facts.workflowToken ? 'the workflow\'s GITHUB_TOKEN (the "token" input\'s default)' : `the "token" input`
  if (!hasScope(facts, 'read:org')) {
    return {
      problem: `Organization "${org}": ${who} is a classic token without the read:org scope, so GitHub would list only public members. It needs ${needs(facts)}.`
    }
  }
  try {
    return facts.kind === 'installation'
      ? await installationAccess(client, org, facts, who)
      : await userAccess(client, org, facts, who)
  } catch (error) {
    if (isHttpError(error) && error.status === 401) throw rejectedTokenError(error)
    return {
      problem: `Organization "${org}": ${who} could not be checked (${describe(error)}). It needs ${needs(facts)}.`
    }
  }
}

async function userAccess(client: GitHubClient, org: string, facts: TokenFacts, who: string): Promise<OrgCheck> {
  try {
    const { data } = await client.request('GET /user/memberships/orgs/{org}', { org })
    if (data.state === 'active') return { access: { org, role: data.role === 'admin' ? 'admin' : 'member' } }
  } catch (error) {
    if (!isHttpError(error) || ![403, 404].includes(error.status)) throw error
    if (error.status === 403) {
      return {
        problem: `Organization "${org}": ${who} (of ${facts.account.login}) may not read its members (${describe(error)}). It needs ${needs(facts)}.`
      }
    }
  }
  return {
    problem: `Organization "${org}" was not found, or the account of ${who} (${facts.account.login}) is not an active member of it, so GitHub would list only its public members. Use a token of a member of "${org}", or a GitHub App installed on it.`
  }
}

async function installationAccess(
  client: GitHubClient,
  org: string,
  facts: TokenFacts,
  who: string
): Promise<OrgCheck> {
  const instead = facts.workflowToken
    ? ` Set the "token" input to a personal access token of a member of "${org}" (classic with read:org, or fine-grained with Organization permission "Members: read"), or to a GitHub App token (actions/create-github-app-token) with "Members: read".`
    : ''
  const missing = `Organization "${org}": ${who} may not read its members, so GitHub would list only public ones. It needs ${needs(facts)}.${instead}`
  let first: { login: string } | undefined
  try {
    first = ((await client.request('GET /orgs/{org}/members', { org, per_page: 1 })).data as { login: string }[])[0]
  } catch (error) {
    if (isHttpError(error) && error.status === 404)
      return { problem: `Organization "${org}" was not found, or the GitHub App is not installed on it (404).` }
    throw error
  }
  if (!first) return { problem: missing }
  try {
    await client.request('GET /orgs/{org}/memberships/{username}', { org, username: first.login })
    return { access: { org, role: null } }
  } catch (error) {
    if (isHttpError(error) && error.status === 403) return { problem: missing }
    throw error
  }
}
