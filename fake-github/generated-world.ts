/**
 * Large worlds for the benchmark, generated from a seed, with the ground truth of each person's
 * status: what a perfect reader of GitHub's APIs would conclude. Activity no API reveals (a label
 * outside the audited orgs more than 30 days ago) does not count in the truth.
 */
import type { Activity, ActivityKind, World } from './world.js'
import { WorldBuilder } from './world.js'

const DAY = 24 * 60 * 60 * 1000

/** A small deterministic PRNG (mulberry32), so a seed always gives the same world. */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface GeneratedWorld {
  world: World
  truth: Map<string, 'active' | 'approaching' | 'inactive'>
  orgs: string[]
}

type Profile = {
  share: number
  make: (r: () => number, org: string, repo: string) => Partial<Activity>[]
  truth: 'active' | 'approaching' | 'inactive'
}

const between = (r: () => number, lo: number, hi: number): number => lo + r() * (hi - lo)

/** What people do, and how often: tuned to look like an open-source organization. */
const PROFILES: Profile[] = [
  {
    share: 0.3,
    truth: 'active',
    make: (r, _o, repo) => [
      { kind: pick(r, ['commit', 'pull_request', 'issue', 'review']), at: daysAgo(between(r, 0, 330)), repo }
    ]
  },
  {
    share: 0.12,
    truth: 'active',
    make: (r, _o, repo) => [{ kind: 'issue_comment', at: daysAgo(between(r, 0, 330)), repo }]
  },
  {
    share: 0.04,
    truth: 'active',
    make: (r) => [{ kind: 'star', at: daysAgo(between(r, 0, 330)), repo: 'elsewhere/popular' }]
  },
  {
    share: 0.08,
    truth: 'active',
    make: (r, _o, repo) => [{ kind: pick(r, ['label', 'merge', 'close']), at: daysAgo(between(r, 31, 330)), repo }]
  },
  {
    share: 0.04,
    truth: 'active',
    make: (r, _o, repo) => [{ kind: 'push', defaultBranch: false, at: daysAgo(between(r, 31, 330)), repo }]
  },
  {
    share: 0.05,
    truth: 'active',
    make: (r) => [
      {
        kind: pick(r, ['label', 'merge', 'push']),
        defaultBranch: false,
        at: daysAgo(between(r, 0, 29)),
        repo: 'elsewhere/lib'
      }
    ]
  },
  {
    share: 0.03,
    truth: 'approaching',
    make: (r, _o, repo) => [
      { kind: pick(r, ['issue', 'pull_request', 'issue_comment']), at: daysAgo(between(r, 336, 364)), repo }
    ]
  },
  {
    share: 0.2,
    truth: 'inactive',
    make: (r, _o, repo) =>
      r() < 0.5 ? [] : [{ kind: pick(r, ['issue', 'commit', 'label']), at: daysAgo(between(r, 366, 900)), repo }]
  },
  {
    share: 0.03,
    truth: 'inactive',
    make: (r, _o, repo) => [
      { kind: 'issue_comment', at: daysAgo(between(r, 400, 700)), editedAt: daysAgo(between(r, 1, 100)), repo }
    ]
  },
  // Labels outside the orgs 31–365 days ago: real activity no API reveals, so inactive in the truth.
  {
    share: 0.03,
    truth: 'inactive',
    make: (r) => [{ kind: 'label', at: daysAgo(between(r, 31, 360)), repo: 'elsewhere/lib' }]
  },
  // Busy people: many recent acts of several kinds.
  {
    share: 0.08,
    truth: 'active',
    make: (r, _o, repo) =>
      Array.from({ length: 5 + Math.floor(r() * 40) }, () => ({
        kind: pick(r, ['commit', 'issue_comment', 'push', 'label', 'review']),
        at: daysAgo(between(r, 0, 200)),
        repo
      }))
  }
]

let clock = Date.now()
function daysAgo(days: number): Date {
  return new Date(clock - days * DAY)
}
function pick<T>(r: () => number, items: T[]): T {
  return items[Math.floor(r() * items.length)]!
}

/** The shape of a generated world; by default one organization per 250 people, 25 repositories each. */
export interface WorldShape {
  orgs?: number
  reposPerOrg?: number
}

export function generateWorld(people: number, seed = 1, now = new Date(), shape: WorldShape = {}): GeneratedWorld {
  clock = now.getTime()
  const r = random(seed)
  const b = new WorldBuilder(now)
  const orgCount = shape.orgs ?? Math.max(1, Math.ceil(people / 250))
  const orgs = Array.from({ length: orgCount }, (_, i) => `org-${i + 1}`)
  const reposPerOrg = shape.reposPerOrg ?? 25
  const truth = new Map<string, 'active' | 'approaching' | 'inactive'>()
  for (let i = 0; i < people; i++) {
    const login = `user-${i + 1}`
    const org = orgs[i % orgCount]!
    b.member(org, login, { role: r() < 0.05 ? 'admin' : 'member', public: r() < 0.7 })
    if (orgCount > 1 && r() < 0.05) b.member(orgs[(i + 1) % orgCount]!, login)
    let x = r()
    const profile = PROFILES.find((p) => (x -= p.share) < 0) ?? PROFILES[0]!
    const repo = `${org}/repo-${1 + Math.floor(r() * reposPerOrg)}`
    for (const a of profile.make(r, org, repo))
      b.did(login, a.kind as ActivityKind, (now.getTime() - a.at!.getTime()) / DAY, a)
    truth.set(login, profile.truth)
  }
  return { world: b.world, truth, orgs }
}
