/**
 * The account the issue token acts as: the only author whose issue and comments the action reads
 * as its own memory. Anyone who can comment can write a look-alike marker; nobody else can write
 * as this account. A personal token's account comes from `GET /user`
 * (docs.github.com/en/rest/users/users#get-the-authenticated-user). An installation token has no
 * user there (403 "Resource not accessible by integration"); GraphQL's `viewer` answers for it
 * with its app's bot account, which REST shows as `<app-slug>[bot]` of type Bot.
 */
import type { GitHubClient } from '../github/client.js'
import { explain } from '../github/explain.js'
import { isHttpError } from '../github/failures.js'

export interface Account {
  login: string
  type: 'User' | 'Bot'
}

/** An author as the REST API shows it on an issue or a comment. */
export interface Author {
  login: string
  type?: string
}

export async function readActionAccount(client: GitHubClient, repo: string): Promise<Account> {
  try {
    const { data } = await client.request('GET /user')
    return { login: data.login, type: data.type === 'Bot' ? 'Bot' : 'User' }
  } catch (error) {
    if (!(isHttpError(error) && error.status === 403))
      throw explain(error, { kind: 'tracking-repository', repo, doing: 'identify the account of the issue token for' })
  }
  try {
    const { viewer } = await client.graphql<{ viewer: { login: string } }>('query Viewer { viewer { login } }')
    return { login: viewer.login.endsWith('[bot]') ? viewer.login : `${viewer.login}[bot]`, type: 'Bot' }
  } catch (error) {
    throw explain(error, { kind: 'tracking-repository', repo, doing: 'identify the account of the issue token for' })
  }
}

/** Whether `author` is this account (logins are case-insensitive; a bot is never a user of the same name). */
export function isAccount(author: Author | null | undefined, account: Account): boolean {
  if (!author) return false
  const type = author.type ?? (author.login.endsWith('[bot]') ? 'Bot' : 'User')
  return author.login.toLowerCase() === account.login.toLowerCase() && type === account.type
}

/** An account named by its login: `name[bot]` is a bot (as REST shows an app's account), anything else a user. */
export function accountNamed(login: string): Account {
  return { login, type: login.toLowerCase().endsWith('[bot]') ? 'Bot' : 'User' }
}

/** Whether `author` is one of `accounts`. */
export function isOneOf(author: Author | null | undefined, accounts: readonly Account[]): boolean {
  return accounts.some((a) => isAccount(author, a))
}

/**
 * The accounts whose writes a run reads as the action's own: its issue token's account, and the
 * roster's `tracking-issue.writers` (default `github-actions[bot]`, the quick start's writer).
 * The identity is its marker and id, not who wrote it: so a terminal run with a personal
 * token finds the issue a scheduled run wrote as github-actions[bot], and the other way round.
 */
export function trustedWriters(account: Account, writers: readonly string[]): Account[] {
  const listed = writers.map(accountNamed).filter((w) => !isAccount(w, account))
  return [account, ...listed]
}
