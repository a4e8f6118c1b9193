/**
 * The run memory (#28) over runs of the whole action against the fake GitHub: a member first seen
 * 20 days ago with no activity is new, not contacted; after new-member-days they are contacted like
 * anyone. In a public tracking repository the memory shows only ciphertext; another key or a
 * deleted memory gives a full run, one line saying so, and the verdicts of a run with no memory.
 */
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type ActionRun, runActionInProcess } from '../fake-github/run-action.js'
import { FakeGitHub } from '../fake-github/server.js'
import { type World, WorldBuilder, findOrg } from '../fake-github/world.js'
import { readMemory } from '../src/memory/store.js'

const START = new Date('2026-06-01T12:00:00Z')
const DAY = 86_400_000
const KEY = 'a long random snapshot key for tests'
const ROSTER =
  'version: 1\norgs: [acme]\nteams:\n  - team: acme/secret-team\ntracking-issue:\n  repo: acme/public-security\n'
const ID = '.github/member-audit.yml'

/** root (owner, active), old (inactive, public): the issue exists from the first run. */
function memoryWorld(): World {
  const b = new WorldBuilder(START)
  b.member('acme', 'root', { role: 'admin' }).did('root', 'issue', 3, { repo: 'acme/app' })
  b.member('acme', 'old')
  b.team('acme', 'secret-team', [])
  b.token('test-token', { orgs: 'all', ownerOf: 'all', seesPrivate: true })
  b.world.repos.push(
    { fullName: 'acme/public-security', private: false },
    { fullName: 'acme/vault-keys', private: true },
    { fullName: 'acme/app', private: false }
  )
  return b.world
}

/** newbie (public) and ghost (concealed, in the private team, admin of a private repository) join. */
function join2(world: World): void {
  const org = findOrg(world, 'acme')!
  org.members.push({ login: 'newbie', role: 'member', public: true })
  org.members.push({ login: 'ghost', role: 'member', public: false, repos: { 'vault-keys': 'admin' } })
  world.users.push({ login: 'newbie', type: 'User', activities: [] }, { login: 'ghost', type: 'User', activities: [] })
  org.teams!.find((t) => t.slug === 'secret-team')!.members.push({ login: 'ghost', role: 'member' })
}

async function runOn(github: FakeGitHub, day: number, inputs: Record<string, string> = {}): Promise<ActionRun> {
  github.world.now = new Date(START.getTime() + day * DAY)
  return runActionInProcess({
    dir: await mkdtemp(join(tmpdir(), 'ma-memory-')),
    apiUrl: github.url,
    roster: ROSTER,
    inputs: { token: 'test-token', 'snapshot-key': KEY, ...inputs },
    env: { GITHUB_REPOSITORY: 'acme/public-security' },
    now: github.world.now
  })
}

const issueOf = (w: World) => w.issues.find((i) => i.body.includes('member-audit:tracking-issue'))!
const toContact = (w: World): string => /### To contact[\s\S]*?(?=\n### |$)/.exec(issueOf(w).body)?.[0] ?? ''
const day = (n: number): string => new Date(START.getTime() + n * DAY).toISOString().slice(0, 10)
const verdicts = (run: ActionRun) =>
  (run.report!.people as { login: string; status: string }[]).map((p) => `${p.login}:${p.status}`).sort()
const memoryComments = (w: World) => issueOf(w).comments.filter((c) => c.body.includes('member-audit:run-memory'))

/** Day 0: the memory begins (root, old); day 5 newbie and ghost join; day 10 they are first seen. */
async function withMemory(): Promise<{ github: FakeGitHub; world: World }> {
  const world = memoryWorld()
  const github = await FakeGitHub.start({ world })
  const first = await runOn(github, 0)
  expect(first.summary).toContain('none was found on the tracking issue')
  join2(world)
  await runOn(github, 10)
  return { github, world }
}

describe('run memory', () => {
  test('a member first seen 20 days ago with no activity is new, not contacted; after new-member-days, contacted', async () => {
    const { github, world } = await withMemory()
    try {
      const run = await runOn(github, 30)
      expect(run.code).toBe(0)
      expect(toContact(world)).toContain('[old]')
      expect(toContact(world)).not.toContain('newbie')
      expect(run.summary).toMatch(/### New members[\s\S]*\[newbie\][^\n]*\| 2026-06-11 \|/)
      expect(day(10)).toBe('2026-06-11')
      expect(run.summary).toContain('1 more new member not named')
      const report = run.report as {
        newMembers: unknown[]
        people: { login: string; status: string; newMember: unknown }[]
      }
      expect(report.newMembers).toEqual([
        { login: 'ghost', firstSeen: day(10) },
        { login: 'newbie', firstSeen: day(10) }
      ])
      const newbie = report.people.find((p) => p.login === 'newbie')
      expect(newbie).toMatchObject({ status: 'inactive', newMember: { firstSeen: day(10) } })

      // 90 days after they were first seen: contacted like anyone, no longer new.
      const later = await runOn(github, 100)
      expect(toContact(world)).toContain('[newbie]')
      expect((later.report as { newMembers: unknown[] }).newMembers).toEqual([])
      expect(later.summary).not.toContain('### New members')
    } finally {
      await github.close()
    }
  })

  test('in a public tracking repository the memory is ciphertext: no concealed member, private team or repository readable', async () => {
    const { github, world } = await withMemory()
    try {
      const run = await runOn(github, 30)
      const issue = issueOf(world)
      const raw = [issue.title, issue.body, ...issue.comments.map((c) => c.body), run.summary].join('\n')
      // The roster names the team; who is in it, the concealed member and the private repository never show.
      for (const secret of ['ghost', 'vault-keys']) expect(raw.toLowerCase()).not.toContain(secret)
      expect(raw).toContain('Members are not named')
      // The memory is there, and holds ghost: sealed, it opens only with the key.
      expect(memoryComments(world)).toHaveLength(1)
      const own = memoryComments(world).map((c) => ({ id: c.id, body: c.body }))
      const opened = readMemory(KEY, ID, own)
      expect(Object.keys(opened.memory!.firstSeen.acme!)).toHaveLength(4)
      expect(readMemory('another key, sixteen+ chars', ID, own)).toMatchObject({ memory: null, unreadable: true })
    } finally {
      await github.close()
    }
  })

  test('another key or a deleted memory: a full run, one line saying so, the verdicts of a run with no memory', async () => {
    const { github, world } = await withMemory()
    try {
      const none = await runOn(github, 30, { 'snapshot-key': '' })
      expect(none.summary).toContain('none is kept without a snapshot-key')
      const noneContact = toContact(world)
      expect(noneContact).toContain('[newbie]')

      const wrong = await runOn(github, 30, { 'snapshot-key': 'another key, sixteen+ chars' })
      expect(wrong.stdout.split('\n').filter((l) => l.includes('does not open with this snapshot-key'))).toHaveLength(1)
      expect(verdicts(wrong)).toEqual(verdicts(none))
      expect(toContact(world)).toBe(noneContact)
      expect((wrong.report as { newMembers: unknown[] }).newMembers).toEqual([])

      const issue = issueOf(world)
      issue.comments = issue.comments.filter((c) => !c.body.includes('member-audit:run-memory'))
      const lost = await runOn(github, 30)
      expect(lost.stdout.split('\n').filter((l) => l.includes('none was found on the tracking issue'))).toHaveLength(1)
      expect(verdicts(lost)).toEqual(verdicts(none))
      expect(toContact(world)).toBe(noneContact)
    } finally {
      await github.close()
    }
  })

  test('a run that finds nothing new writes nothing: the memory is not written again', async () => {
    const { github, world } = await withMemory()
    try {
      const before = memoryComments(world).map((c) => c.body)
      const comments = issueOf(world).comments.length
      await runOn(github, 11)
      expect(memoryComments(world).map((c) => c.body)).toEqual(before)
      expect(issueOf(world).comments.length).toBe(comments)
    } finally {
      await github.close()
    }
  })
})
