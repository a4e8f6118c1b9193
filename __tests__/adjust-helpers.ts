/** The world and the runs the apply-mode tests share: an organization, a tracking issue, approvers. */
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type ActionRun, runActionInProcess } from '../fake-github/run-action.js'
import { FakeGitHub } from '../fake-github/server.js'
import { type World, type WorldIssue, WorldBuilder, findOrg } from '../fake-github/world.js'

const START = new Date('2026-06-01T12:00:00Z')
const DAY = 86_400_000
export const KEY = 'a long random snapshot key for tests'

export const roster = (adjust: string, repoPrivate = true): string =>
  `version: 1\norgs: [acme]\ntracking-issue:\n  repo: acme/${repoPrivate ? 'security' : 'public-security'}\n  grace-days: 7\nadjust:\n  approvers: [carreau]\n${adjust}`

/**
 * root (an owner, active), alice (an owner, inactive, concealed) in two teams with an admin
 * permission on a private repository, bob (member, inactive, public); carreau approves, mallory
 * is anyone with an account.
 */
export function adjustWorld(): World {
  const b = new WorldBuilder(START)
  b.member('acme', 'root', { role: 'admin' }).did('root', 'issue', 3, { repo: 'acme/app' })
  b.member('acme', 'alice', { role: 'admin', public: false }).member('acme', 'bob')
  b.team('acme', 'core', [{ login: 'alice', role: 'maintainer' }, { login: 'root' }])
  b.team('acme', 'incident-response', [{ login: 'alice' }])
  b.team('acme', 'emeritus', [])
  b.token('test-token', { orgs: 'all', ownerOf: 'all', seesPrivate: true })
  b.token('carreau-token', { orgs: [], memberOf: [], login: 'carreau' })
  b.token('mallory-token', { orgs: [], memberOf: [], login: 'mallory' })
  b.world.users.push(
    { login: 'carreau', type: 'User', activities: [] },
    { login: 'mallory', type: 'User', activities: [] }
  )
  b.world.repos.push(
    { fullName: 'acme/security', private: true },
    { fullName: 'acme/public-security', private: false },
    { fullName: 'acme/vault-keys', private: true },
    { fullName: 'acme/app', private: false }
  )
  findOrg(b.world, 'acme')!.members.find((m) => m.login === 'alice')!.repos = { 'vault-keys': 'admin' }
  return b.world
}

export async function runOn(
  github: FakeGitHub,
  day: number,
  text: string,
  extra: { inputs?: Record<string, string>; env?: Record<string, string> } = {}
): Promise<ActionRun> {
  github.world.now = new Date(START.getTime() + day * DAY)
  return runActionInProcess({
    dir: await mkdtemp(join(tmpdir(), 'ma-apply-')),
    apiUrl: github.url,
    roster: text,
    inputs: { token: 'test-token', mode: 'apply', 'snapshot-key': KEY, ...extra.inputs },
    env: { GITHUB_REPOSITORY: 'acme/security', ...extra.env },
    now: github.world.now
  })
}

/** A comment written through the API as the token's account. */
export async function comment(github: FakeGitHub, token: string, issue: number, body: string): Promise<number> {
  const res = await fetch(`${github.url}/repos/${repoOf(github, issue)}/issues/${issue}/comments`, {
    method: 'POST',
    headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ body })
  })
  return ((await res.json()) as { id: number }).id
}

function repoOf(github: FakeGitHub, issue: number): string {
  return github.world.issues.find((i) => i.number === issue)!.repo
}

export const trackingIssue = (w: World): WorldIssue => w.issues.find((i) => i.author === 'auditor')!

/** Ticks a person's box, as a team member does after contacting them. */
export function tick(w: World, login: string): void {
  const issue = trackingIssue(w)
  issue.body = issue.body.replace(`- [ ] [${login}]`, `- [x] [${login}]`)
}

/** What alice holds in acme: role, teams with roles, direct permissions. */
export function held(w: World, login: string): unknown {
  const org = findOrg(w, 'acme')!
  const member = org.members.find((m) => m.login === login)
  return {
    role: member?.role ?? null,
    teams: (org.teams ?? []).flatMap((t) =>
      t.members.filter((m) => m.login === login).map((m) => `${t.slug}:${m.role}`)
    ),
    repos: member?.repos ?? {}
  }
}

/** Answered with success: a reset connection (status 0) is no answer. */
const ok = (status: number | undefined): boolean => status !== undefined && status >= 200 && status < 300

/**
 * Organization writes (memberships, teams, repository permissions) asked of the fake, answered or
 * refused; neither the tracking issue's nor the apply lock's (git data) writes.
 */
export const orgWrites = (github: FakeGitHub, succeeded = false): string[] =>
  github
    .writes()
    .filter((w) => !w.path.includes('/issues') && !w.path.includes('/git/') && (!succeeded || ok(w.status)))
    .map((w) => `${w.method} ${w.path}`)

/** alice flagged on day 0 and contacted (ticked) on day 1: due from day 9. Returns the tracking issue's number. */
export async function contacted(github: FakeGitHub, text: string): Promise<number> {
  await runOn(github, 0, text)
  tick(github.world, 'alice')
  await runOn(github, 1, text)
  return trackingIssue(github.world).number
}

/** alice flagged on day 0, contacted (ticked) on day 1, and approved by carreau; due from day 9. */
export async function contactedAndApproved(github: FakeGitHub, text: string): Promise<WorldIssue> {
  await contacted(github, text)
  const issue = trackingIssue(github.world)
  await comment(github, 'carreau-token', issue.number, '/member-audit approve alice')
  return issue
}

/**
 * The environment of a run started by a comment on `issue` (the event's payload in
 * GITHUB_EVENT_PATH), by an account with `association` to the repository (GitHub's author_association).
 */
export async function commentEvent(
  issue: number,
  association = 'COLLABORATOR'
): Promise<{ env: Record<string, string> }> {
  const path = join(await mkdtemp(join(tmpdir(), 'ma-event-')), 'event.json')
  const comment = { id: 1, author_association: association }
  await writeFile(path, JSON.stringify({ action: 'created', issue: { number: issue }, comment }))
  return { env: { GITHUB_EVENT_NAME: 'issue_comment', GITHUB_EVENT_PATH: path } }
}

/**
 * A fake GitHub over adjustWorld() in which alice's removal from team core (the second change of
 * a demotion) fails with a 422, which is not retried, while `removal.failing` is set.
 */
export async function withFailingTeamRemoval(): Promise<{ github: FakeGitHub; removal: { failing: boolean } }> {
  const removal = { failing: false }
  const github = await FakeGitHub.start({
    world: adjustWorld(),
    fault: (r) =>
      removal.failing && r.method === 'DELETE' && r.path.includes('/teams/core/')
        ? { status: 422, body: { message: 'Validation Failed' } }
        : undefined
  })
  return { github, removal }
}
