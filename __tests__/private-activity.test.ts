/**
 * A token that sees private repositories (a `repo`-scoped owner's token, the one apply mode needs)
 * shows every person's private contributions beside their public ones. The policy counts public
 * activity only: someone whose every act is private is inactive, and someone whose one public act is
 * buried under private ones is active. Neither may be unknown (#20).
 */
import { auditWorld, rosterFor, statuses } from './helpers.js'
import { WorldBuilder } from '../fake-github/world.js'
import { incompleteReason } from '../src/verdicts/completeness.js'

const NOW = new Date('2026-11-24T12:00:00Z')
const PRIVATE_REPOS = ['acme/internal', 'acme/platform', 'acme/billing']
const PUBLIC_KINDS = ['pull_request', 'issue_comment', 'review', 'issue', 'discussion_comment'] as const

/** A staff member's year of private work: pull requests, reviews, issues, comments, commits, discussions. */
function privateYear(b: WorldBuilder, login: string, seed: number): void {
  const repo = (i: number) => PRIVATE_REPOS[(seed + i) % PRIVATE_REPOS.length]!
  for (let i = 0; i < 14; i++)
    b.did(login, 'pull_request', 3 + ((seed + i * 17) % 300), { repo: repo(i), private: true })
  for (let i = 0; i < 9; i++) b.did(login, 'review', 5 + ((seed + i * 13) % 300), { repo: repo(i), private: true })
  for (let i = 0; i < 7; i++) b.did(login, 'issue', 2 + ((seed + i * 29) % 300), { repo: repo(i), private: true })
  for (let i = 0; i < 25; i++)
    b.did(login, 'issue_comment', 1 + ((seed + i * 7) % 300), { repo: repo(i), private: true })
  for (let i = 0; i < 6; i++) b.did(login, 'commit', 4 + ((seed + i * 11) % 300), { repo: repo(i), private: true })
  for (let i = 0; i < 5; i++)
    b.did(login, 'discussion_comment', 6 + ((seed + i * 19) % 300), { repo: repo(i), private: true })
}

test('a third of 300 people with only private activity: inactive, none unknown, the run complete', async () => {
  const b = new WorldBuilder(NOW)
  for (const fullName of PRIVATE_REPOS) b.world.repos.push({ fullName, private: true })
  b.world.repos.push({ fullName: 'acme/app', private: false })
  for (let i = 0; i < 100; i++) {
    b.member('acme', `staff${i}`)
    privateYear(b, `staff${i}`, i)
    // Buried: the same private year, and one public act 200 days ago, of a kind that varies.
    b.member('acme', `buried${i}`)
    privateYear(b, `buried${i}`, i)
    b.did(`buried${i}`, PUBLIC_KINDS[i % PUBLIC_KINDS.length]!, 200, { repo: 'acme/app' })
    b.member('acme', `gone${i}`).did(`gone${i}`, 'issue', 400 + i, { repo: 'acme/app' })
  }
  b.world.tokens['test-token']!.seesPrivate = true
  const { result, github, usage } = await auditWorld(b.world, rosterFor('acme'))
  const readOn = github.requests.filter((r) => /query ReadOn/.test(String(r.body?.query)))
  // One page read on for each of the 200 people whose first page held only private items, 10 a query.
  expect(readOn.length).toBeLessThanOrEqual(20)
  expect(usage.graphql).toBeLessThanOrEqual(30)
  const byStatus = (prefix: string) => {
    const counts: Record<string, number> = {}
    for (const [login, status] of Object.entries(statuses(result)))
      if (login.startsWith(prefix)) counts[status] = (counts[status] ?? 0) + 1
    return counts
  }
  expect(byStatus('staff')).toEqual({ inactive: 100 })
  expect(byStatus('gone')).toEqual({ inactive: 100 })
  expect(byStatus('buried')).toEqual({ active: 100 })
  expect(result.verdicts.filter((v) => v.status === 'unknown')).toHaveLength(0)
  expect(incompleteReason(result.verdicts, 0)).toBeNull()
}, 60_000)
