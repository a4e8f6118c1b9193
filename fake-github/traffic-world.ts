/**
 * A world shaped like a real organization's traffic, on top of a generated one: bots pushing
 * thousands of times a year to `dependabot/*` and `gh-pages` branches, a pull request relabelled
 * and force-pushed hundreds of times, a long-lived tracking issue, and members whose only act lies
 * buried under that traffic (a label on the busy pull request's oldest page, a feature-branch push
 * under 2,000 newer bot pushes), beside truly inactive members. Each repository's roles follow from
 * what people did there, as GitHub's permissions require: labels and assignments need triage,
 * pushes and merges write.
 */
import { type GeneratedWorld, generateWorld, random } from './generated-world.js'
import { PUSH_KINDS } from './graphql-repository.js'
import type { Activity, ActivityKind, World, WorldUser } from './world.js'
import { daysAgo, findOrg } from './world.js'

export interface TrafficOptions {
  people?: number
  orgs?: number
  reposPerOrg?: number
  /** Bot pushes a year to each of the busiest repositories. */
  botPushesPerYear?: number
}

export interface TrafficWorld extends GeneratedWorld {
  /** Each buried member and the act only a full read finds. */
  buried: Map<string, { kind: ActivityKind; repo: string; days: number }>
  repositories: number
  /** Pushes (and merges) inside the window across the organizations' repositories. */
  pushesInWindow: number
  /** 100-item pages those pushes fill, repository by repository (P in the cost bound). */
  pushPages: number
  /** Events inside the window on the busiest issue or pull request. */
  busiestTimeline: number
}

const BUSY_PULL_REQUEST = 9001
const BUSY_ISSUE = 9002
const WINDOW_DAYS = 365
const BOTS = ['dependabot[bot]', 'github-actions[bot]', 'renovate[bot]']

/** `count` acts spread evenly over the year, newest first, `kind` by `user`. */
function spread(user: WorldUser, now: Date, count: number, make: (i: number) => Omit<Activity, 'at'>): void {
  for (let i = 0; i < count; i++) user.activities.push({ ...make(i), at: daysAgo(now, ((i + 0.5) * 364) / count) })
}

export function generateTrafficWorld(seed = 1, now = new Date(), options: TrafficOptions = {}): TrafficWorld {
  const { people = 300, orgs: orgCount = 3, reposPerOrg = 10, botPushesPerYear = 2500 } = options
  const base = generateWorld(people, seed, now, { orgs: orgCount, reposPerOrg })
  const { world, truth, orgs } = base
  const r = random(seed + 1000)
  const bot = (login: string): WorldUser => {
    const user: WorldUser = { login, type: 'Bot', activities: [] }
    world.users.push(user)
    return user
  }
  const [dependabot, actions, renovate] = BOTS.map(bot) as [WorldUser, WorldUser, WorldUser]
  const buried = new Map<string, { kind: ActivityKind; repo: string; days: number }>()

  for (const org of orgs) {
    const repo = (n: number) => `${org}/repo-${n}`
    // Dependabot on three repositories, release automation on gh-pages of one.
    for (const n of [1, 2, 3])
      spread(dependabot, now, botPushesPerYear, (i) => ({
        kind: 'push',
        repo: repo(n),
        defaultBranch: false,
        branch: `dependabot/npm_and_yarn/package-${i % 40}`
      }))
    spread(actions, now, 500, () => ({ kind: 'push', repo: repo(4), defaultBranch: false, branch: 'gh-pages' }))
    // The busy pull request: a CI bot relabels it 150 times, Dependabot rebases it, Renovate assigns.
    const onBusyPr = { repo: repo(1), item: BUSY_PULL_REQUEST, onPullRequest: true, itemAuthor: BOTS[0] }
    spread(actions, now, 150, (i) => ({ ...onBusyPr, kind: i % 2 ? 'unlabel' : 'label' }))
    spread(dependabot, now, 60, () => ({ ...onBusyPr, kind: 'force_push' }))
    spread(renovate, now, 20, () => ({ ...onBusyPr, kind: 'assign' }))
    // A long-lived tracking issue that a triage bot labels every few days.
    spread(actions, now, 120, () => ({ kind: 'label', repo: repo(2), item: BUSY_ISSUE }))

    const member = (
      login: string,
      acts: (Omit<Activity, 'at'> & { days: number })[],
      status: 'active' | 'inactive'
    ) => {
      findOrg(world, org)!.members.push({ login, role: 'member', public: true })
      world.users.push({
        login,
        type: 'User',
        activities: acts.map(({ days, ...a }) => ({ ...a, at: daysAgo(now, days) }))
      })
      truth.set(login, status)
      if (status === 'active' && acts[0])
        buried.set(login, { kind: acts[0].kind, repo: acts[0].repo, days: acts[0].days })
    }
    member(`${org}-buried-label`, [{ ...onBusyPr, kind: 'label', days: 300 + r() * 40 }], 'active')
    member(
      `${org}-buried-push`,
      [{ kind: 'push', repo: repo(1), defaultBranch: false, days: 300 + r() * 40 }],
      'active'
    )
    member(
      `${org}-buried-assign`,
      [{ kind: 'assign', repo: repo(2), item: BUSY_ISSUE, days: 250 + r() * 80 }],
      'active'
    )
    member(`${org}-idle`, [], 'inactive')
    member(`${org}-long-gone`, [{ ...onBusyPr, kind: 'label', days: 400 + r() * 100 }], 'inactive')
  }
  giveRoles(world, orgs, reposPerOrg)
  return { ...base, buried, ...measureTraffic(world, orgs, now) }
}

/** Every repository's roles, from what each person did there (GitHub lets no one do more). */
function giveRoles(world: World, orgs: string[], reposPerOrg: number): void {
  const rank = ['read', 'triage', 'write']
  for (const org of orgs) {
    for (let n = 1; n <= reposPerOrg; n++) {
      const fullName = `${org}/repo-${n}`
      const roles: Record<string, string> = {}
      for (const u of world.users) {
        if (u.type === 'Bot') continue
        for (const a of u.activities.filter((x) => x.repo === fullName)) {
          const needs = PUSH_KINDS.includes(a.kind)
            ? 'write'
            : ['label', 'unlabel', 'assign', 'close'].includes(a.kind)
              ? 'triage'
              : 'read'
          if (rank.indexOf(needs) > rank.indexOf(roles[u.login] ?? 'read')) roles[u.login] = needs
        }
      }
      world.repos.push({ fullName, private: false, roles })
    }
  }
}

function measureTraffic(
  world: World,
  orgs: string[],
  now: Date
): Pick<TrafficWorld, 'repositories' | 'pushesInWindow' | 'pushPages' | 'busiestTimeline'> {
  const since = daysAgo(now, WINDOW_DAYS).getTime()
  const pushes = new Map<string, number>()
  const timelines = new Map<string, number>()
  for (const u of world.users)
    for (const a of u.activities) {
      if (a.at.getTime() < since || !orgs.some((o) => a.repo.startsWith(`${o}/`))) continue
      if (PUSH_KINDS.includes(a.kind)) pushes.set(a.repo, (pushes.get(a.repo) ?? 0) + 1)
      if (a.item !== undefined) timelines.set(`${a.repo}#${a.item}`, (timelines.get(`${a.repo}#${a.item}`) ?? 0) + 1)
    }
  return {
    repositories: world.repos.filter((x) => orgs.some((o) => x.fullName.startsWith(`${o}/`))).length,
    pushesInWindow: [...pushes.values()].reduce((a, b) => a + b, 0),
    pushPages: [...pushes.values()].reduce((a, b) => a + Math.ceil(b / 100), 0),
    busiestTimeline: Math.max(0, ...timelines.values())
  }
}
