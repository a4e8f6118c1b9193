/**
 * The fault matrix's world (fault-matrix.test.ts): one organization whose people each have one act
 * that exactly one read of the audit can see, under real traffic (a CI bot's pushes, a pull
 * request relabelled 150 times), so that a fault in that read hides that person's only activity.
 */
import { WorldBuilder } from '../fake-github/world.js'

const NOW = new Date('2026-11-24T12:00:00Z')

/** Who acted where only one read can see it. */
export const ONLY_SEEN_BY = {
  /** A pull request opened 100 days ago: contributions (GraphQL UserActivity). */
  author: 'UserActivity',
  /** One public pull request under 30 private ones: the page after the first (GraphQL ReadOn). */
  buried: 'ReadOn',
  /** A label on an issue 200 days ago: its timeline (GraphQL RepositorySweep). */
  labeller: 'RepositorySweep',
  /** A label on the relabelled pull request 285 days ago, under 150 bot events: a page back (BusyTimelines). */
  early: 'BusyTimelines',
  /** A push to a feature branch 200 days ago, under the CI bot's pushes: the repository activity. */
  pusher: 'GET /repos/{owner}/{repo}/activity',
  /** A push to a repository outside the organization 5 days ago: public events. */
  recent: 'GET /users/{username}/events/public'
} as const

export type Person = keyof typeof ONLY_SEEN_BY | 'idle' | 'steady'

export function matrixWorld(): WorldBuilder {
  const b = new WorldBuilder(NOW)
  b.member('acme', 'author').did('author', 'pull_request', 100, { repo: 'acme/lib' })
  b.member('acme', 'buried').did('buried', 'pull_request', 200, { repo: 'acme/lib' })
  for (let i = 0; i < 30; i++) b.did('buried', 'pull_request', 2 + i, { repo: 'acme/internal', private: true })
  b.member('acme', 'labeller').did('labeller', 'label', 200, { repo: 'acme/app', item: 5 })
  b.member('acme', 'early').did('early', 'label', 285, { repo: 'acme/app', item: 7, onPullRequest: true })
  b.member('acme', 'pusher').did('pusher', 'push', 200, { repo: 'acme/app', defaultBranch: false })
  b.member('acme', 'recent').did('recent', 'push', 5, { repo: 'elsewhere/tool', defaultBranch: false })
  b.member('acme', 'steady').did('steady', 'issue', 3, { repo: 'acme/lib' })
  b.member('acme', 'idle')
  // Just past one page of each (100): the pull request's timeline is paged back, the pushes need the roles.
  b.world.users.push(
    { login: 'github-actions[bot]', type: 'Bot', activities: [] },
    { login: 'ci[bot]', type: 'Bot', activities: [] }
  )
  for (let i = 0; i < 110; i++)
    b.did('github-actions[bot]', i % 2 ? 'unlabel' : 'label', 280 - i, {
      repo: 'acme/app',
      item: 7,
      onPullRequest: true
    })
  for (let i = 0; i < 110; i++) b.did('ci[bot]', 'push', 1 + i, { repo: 'acme/app', defaultBranch: false })
  b.world.repos.push(
    { fullName: 'acme/app', private: false, roles: { pusher: 'write', early: 'triage' } },
    { fullName: 'acme/lib', private: false, roles: {} },
    { fullName: 'acme/internal', private: true, roles: {} }
  )
  b.world.tokens['test-token']!.seesPrivate = true
  return b
}

/** The verdicts of a run without faults: the truth every faulted run is held to. */
export const TRUTH: Record<Person, string> = {
  author: 'active',
  buried: 'active',
  labeller: 'active',
  early: 'active',
  pusher: 'active',
  recent: 'active',
  steady: 'active',
  idle: 'inactive'
}
