/** Bot traffic for test worlds: the busy timelines and pushes real organizations have. */
import type { WorldBuilder } from '../fake-github/world.js'

function bot(b: WorldBuilder, login: string): void {
  if (!b.world.users.some((u) => u.login === login)) b.world.users.push({ login, type: 'Bot', activities: [] })
}

/** `github-actions[bot]` adding and removing a label on pull request `item` 150 times, 290 days ago onwards. */
export function relabelled(b: WorldBuilder, repo: string, item: number): void {
  bot(b, 'github-actions[bot]')
  for (let i = 0; i < 150; i++)
    b.did('github-actions[bot]', i % 2 ? 'unlabel' : 'label', 290 - i, { repo, item, onPullRequest: true })
}

/** A CI bot pushing to a branch of the repository every day of the last 150. */
export function busyPushes(b: WorldBuilder, repo: string): void {
  bot(b, 'ci[bot]')
  for (let i = 0; i < 150; i++) b.did('ci[bot]', 'push', 1 + i, { repo, defaultBranch: false })
}

/** writer pushed to acme/app, other to acme/lib (each holding write only there), reader did nothing. */
export function twoRepositories(b: WorldBuilder): void {
  b.member('acme', 'writer').did('writer', 'push', 200, { repo: 'acme/app', defaultBranch: false })
  b.member('acme', 'reader')
  b.member('acme', 'other').did('other', 'push', 100, { repo: 'acme/lib', defaultBranch: false })
  b.world.repos.push(
    { fullName: 'acme/app', private: false, roles: { writer: 'write' } },
    { fullName: 'acme/lib', private: false, roles: { other: 'write' } }
  )
}
