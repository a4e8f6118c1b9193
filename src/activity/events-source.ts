/**
 * Last source: a person's public events. It shows everything GitHub records as a public event
 * (labels, closes, pushes to any branch, comments, stars …) but only for the last 30 days and at
 * most 300 events, with a lag of 30 s to 6 h (docs.github.com/en/rest/activity/events#list-public-events-for-a-user).
 * So it can prove activity, never inactivity older than 30 days; the window check is the verdict's job.
 */
import type { GitHubClient } from '../github/client.js'
import { ACCOUNT_NOT_FOUND, failureOf, isHttpError } from '../github/failures.js'
import { eachAtOnce } from '../github/parallel.js'
import type { ActivityQuestion, ActivitySource, SourceAnswer } from './cascade.js'
import { type Evidence, type EvidencePolicy, admits } from './evidence.js'

interface PublicEvent {
  type: string
  created_at: string
  public?: boolean
  repo?: { name: string }
  payload?: {
    action?: string
    comment?: { html_url?: string }
    issue?: { html_url?: string }
    pull_request?: { html_url?: string }
    review?: { html_url?: string }
  }
}

/** What an event says the person did, as evidence. */
function eventEvidence(event: PublicEvent, serverUrl: string): Evidence {
  const p = event.payload ?? {}
  const repo = event.repo?.name ?? null
  const kind =
    event.type
      .replace(/Event$/, '')
      .replace(/([a-z])([A-Z])/g, '$1_$2')
      .toLowerCase() + (p.action ? `:${p.action}` : '')
  return {
    at: event.created_at,
    kind,
    url:
      p.comment?.html_url ??
      p.review?.html_url ??
      p.issue?.html_url ??
      p.pull_request?.html_url ??
      (repo ? `${serverUrl}/${repo}` : null),
    repo,
    private: event.public === false,
    source: 'events'
  }
}

export function eventsSource(
  client: GitHubClient,
  serverUrl: string,
  onProgress?: (done: number, total: number) => void
): ActivitySource {
  return {
    name: 'events',
    async check(questions, policy) {
      const answers = new Map<string, SourceAnswer>()
      await eachAtOnce(questions, async (q) => {
        answers.set(q.person.key, await latestEvent(client, serverUrl, q, policy))
        onProgress?.(answers.size, questions.length)
      })
      return answers
    }
  }
}

async function latestEvent(
  client: GitHubClient,
  serverUrl: string,
  q: ActivityQuestion,
  policy: EvidencePolicy
): Promise<SourceAnswer> {
  try {
    // Events come newest first: the first one that counts is the latest; stop reading there.
    for await (const page of client.paginate.iterator('GET /users/{username}/events/public', {
      username: q.person.login,
      per_page: 100
    })) {
      for (const event of page.data as PublicEvent[]) {
        const evidence = eventEvidence(event, serverUrl)
        if (admits(evidence, policy)) return { evidence: [evidence] }
      }
    }
    return { evidence: [] }
  } catch (error) {
    const failure =
      isHttpError(error) && error.status === 404 ? ACCOUNT_NOT_FOUND : failureOf(error, 'events request failed')
    return { evidence: [], failure }
  }
}
