/**
 * Last source: a person's public events. It shows everything GitHub records as a public event
 * (labels, closes, pushes to any branch, comments, stars …) but only for the last 30 days and at
 * most 300 events, with a lag of 30 s to 6 h (docs.github.com/en/rest/activity/events#list-public-events-for-a-user).
 * So it can prove activity, never inactivity older than 30 days; the window check is the verdict's job.
 */
import type { GitHubClient } from '../github/client.js'
import { githubMessage, isHttpError, mayPass } from '../github/request-errors.js'
import type { ActivityQuestion, ActivitySource, SourceAnswer } from './cascade.js'
import { type Evidence, type EvidencePolicy, admits } from './evidence.js'

/** People asked about at once; the throttling plugin allows 10 requests in flight in all, and GitHub 100 (secondary limits). */
const PARALLEL = 8

export interface PublicEvent {
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
export function eventEvidence(event: PublicEvent, serverUrl: string): Evidence {
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
      let next = 0
      const worker = async (): Promise<void> => {
        while (next < questions.length) {
          const q = questions[next++]!
          answers.set(q.person.key, await latestEvent(client, serverUrl, q, policy))
          onProgress?.(answers.size, questions.length)
        }
      }
      await Promise.all(Array.from({ length: Math.min(PARALLEL, questions.length) }, worker))
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
    if (isHttpError(error) && error.status === 404)
      return { evidence: [], error: 'account not found (renamed or deleted?)', lasting: true }
    const lasting = !mayPass(error)
    if (isHttpError(error))
      return { evidence: [], error: `events request failed: ${error.status} ${githubMessage(error)}`, lasting }
    return {
      evidence: [],
      error: `events request failed: ${error instanceof Error ? error.message : String(error)}`,
      lasting
    }
  }
}
