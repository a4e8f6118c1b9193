/** The run's clients: one for the token, and one for the issue token when it is another token. */
import type { Settings } from '../inputs.js'
import type { Logger } from '../logger.js'
import { type ApiUsage, type GitHubClient, createGitHubClient, emptyUsage } from './client.js'

export interface Connection {
  client: GitHubClient
  /** The issue token's client: `client` itself when both inputs hold the same token. */
  issueClient: GitHubClient
  usage: ApiUsage
  /** The REST quota GitHub last reported for the reading token. */
  rateLimitRemaining: () => number | null
}

export function connect(settings: Settings, log: Logger, waitScale?: number): Connection {
  const usage = emptyUsage()
  let remaining: number | null = null
  const common = { apiUrl: settings.apiUrl, log, usage, waitScale }
  const client = createGitHubClient({
    ...common,
    token: settings.token,
    onRateLimitRemaining: (left) => {
      remaining = left
    }
  })
  const issueClient =
    settings.issueToken === settings.token ? client : createGitHubClient({ ...common, token: settings.issueToken })
  return { client, issueClient, usage, rateLimitRemaining: () => remaining }
}
