/**
 * The fault matrix (#20), run by fault-matrix.test.ts (GraphQL reads) and fault-matrix-rest.test.ts
 * (REST reads), two files so that jest's workers share it. Every read the audit makes, found in
 * the code so that a new read cannot be missed, times every fault GitHub answers with, each injected where it hides somebody's only
 * activity (fault-matrix-world.ts). Held for every case: nobody active becomes inactive; the people
 * a read could concern are unknown or right; everyone else is exactly as in a clean run; a fault
 * that passes leaves every verdict right; a read that gates the run stops it instead.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { auditWorld, rosterFor, statuses } from './helpers.js'
import { type Person, TRUTH, matrixWorld } from './fault-matrix-world.js'
import type { Reply } from '../fake-github/answers.js'
import type { FaultAnswer, RecordedRequest } from '../fake-github/server.js'

type Json = Record<string, unknown>
const operation = (r: RecordedRequest): string => /query\s+(\w+)/.exec(String(r.body?.query ?? ''))?.[1] ?? ''

/** What a fault in a read may do: make these people unknown (the rest stay as in a clean run), stop the run, or nothing. */
type Expectation = { mayConcern: Person[] } | 'stops' | 'reported'

interface Read {
  /** The read as the code names it: a REST route or a GraphQL operation. */
  read: string
  /** The requests of this read the fault is injected into. */
  hits: (r: RecordedRequest) => boolean
  /** For GraphQL partial answers: the marker of the part to leave out (a login, an address). */
  marker?: string
  expect: Expectation
}

/** Everyone the GraphQL user queries do not settle: the repository sweep still looks for them. */
const LEFT_FOR_THE_SWEEP: Person[] = ['labeller', 'early', 'pusher', 'recent', 'idle']
const hasVariable = (r: RecordedRequest, value: string): boolean =>
  Object.values(r.body?.variables ?? {}).some((v) => v === value)
const path = (pattern: RegExp) => (r: RecordedRequest) => r.method === 'GET' && pattern.test(r.path)

export const READS: Read[] = [
  {
    read: 'UserActivity',
    hits: (r) => operation(r) === 'UserActivity' && hasVariable(r, 'author'),
    marker: 'author',
    expect: { mayConcern: ['author'] }
  },
  {
    read: 'ReadOn',
    hits: (r) => operation(r) === 'ReadOn' && hasVariable(r, 'buried'),
    marker: 'buried',
    expect: { mayConcern: ['buried'] }
  },
  {
    read: 'RepositorySweep',
    hits: (r) => operation(r) === 'RepositorySweep' && hasVariable(r, 'app'),
    marker: '/issues/5',
    expect: { mayConcern: LEFT_FOR_THE_SWEEP }
  },
  // The relabelled pull request's timeline concerns its author and those with triage or more: early and pusher.
  {
    read: 'BusyTimelines',
    hits: (r) => operation(r) === 'BusyTimelines',
    marker: '"early"',
    expect: { mayConcern: ['early', 'pusher'] }
  },
  { read: 'GET /orgs/{org}/repos', hits: path(/^\/orgs\/acme\/repos$/), expect: { mayConcern: LEFT_FOR_THE_SWEEP } },
  {
    read: 'GET /repos/{owner}/{repo}/activity',
    hits: path(/^\/repos\/acme\/app\/activity$/),
    expect: { mayConcern: ['pusher'] }
  },
  {
    read: 'GET /repos/{owner}/{repo}/collaborators',
    hits: path(/^\/repos\/acme\/app\/collaborators$/),
    expect: { mayConcern: LEFT_FOR_THE_SWEEP }
  },
  {
    read: 'GET /users/{username}/events/public',
    hits: path(/^\/users\/recent\/events\/public$/),
    expect: { mayConcern: ['recent'] }
  },
  { read: 'GET /orgs/{org}/members', hits: path(/^\/orgs\/acme\/members$/), expect: 'stops' },
  { read: 'GET /orgs/{org}/public_members', hits: path(/^\/orgs\/acme\/public_members$/), expect: 'stops' },
  { read: 'GET /user', hits: path(/^\/user$/), expect: 'stops' },
  { read: 'GET /user/memberships/orgs/{org}', hits: path(/^\/user\/memberships\/orgs\/acme$/), expect: 'stops' },
  { read: 'GET /orgs/{org}/invitations', hits: path(/^\/orgs\/acme\/invitations$/), expect: 'reported' },
  { read: 'GET /orgs/{org}/failed_invitations', hits: path(/^\/orgs\/acme\/failed_invitations$/), expect: 'reported' }
]

/**
 * Reads the matrix does not run, each with the suite that injects faults into it: they are made
 * outside the audit's verdicts (the preflight's, the tracking issue's, apply mode's), or need a
 * world of their own (a person's permission is asked only past the collaborators' first page).
 */
export const ELSEWHERE: Record<string, string> = {
  'GET /repos/{owner}/{repo}/collaborators/{username}/permission': 'partial-answers.test.ts',
  'GET /rate_limit': 'bad-inputs.test.ts',
  Viewer: 'preflight.test.ts',
  'GET /orgs/{org}/memberships/{username}': 'preflight.test.ts',
  'GET /orgs/{org}/teams/{team_slug}': 'preflight.test.ts',
  'GET /repos/{owner}/{repo}': 'preflight.test.ts',
  'GET /orgs/{org}/teams': 'adjust-faults.test.ts',
  'GET /orgs/{org}/public_members/{username}': 'adjust-public.test.ts',
  'GET /users/{username}': 'adjust-accounts.test.ts',
  'GET /repos/{owner}/{repo}/git/ref/{ref}': 'adjust-lock.test.ts',
  'GET /repos/{owner}/{repo}/git/commits/{commit_sha}': 'adjust-lock.test.ts',
  'GET /orgs/{org}/teams/{team_slug}/members': 'access.test.ts',
  'GET /orgs/{org}/teams/{team_slug}/memberships/{username}': 'adjust-refusals.test.ts',
  'GET /orgs/{org}/outside_collaborators': 'preflight.test.ts',
  'GET /repos/{owner}/{repo}/issues': 'tracking-issue.test.ts',
  'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': 'tracking-issue.test.ts'
}

const DOCS = 'https://docs.github.com/rest'
const SECONDARY = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'

/** REST faults as GitHub answers them (docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api). */
const REST_FAULTS: Record<string, FaultAnswer> = {
  '404': { status: 404, body: { message: 'Not Found', documentation_url: DOCS } },
  '403': { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: DOCS } },
  '410': { status: 410, body: { message: 'Gone', documentation_url: DOCS } },
  '422': { status: 422, body: { message: 'Validation Failed', documentation_url: DOCS, errors: [] } },
  '502': { status: 502, body: { message: 'Server Error' } },
  'secondary rate limit': {
    status: 403,
    headers: { 'retry-after': '1' },
    body: { message: SECONDARY, documentation_url: DOCS }
  },
  '204 No Content': { status: 204 }
}
/** GraphQL partial answers (data beside errors: docs.github.com/en/graphql/guides/forming-calls-with-graphql). */
const PARTIAL_TYPES = ['NOT_FOUND', 'FORBIDDEN', 'INTERNAL', 'null entry, no error'] as const

/**
 * Leaves out the deepest list entry whose JSON holds `marker` (else the alias holding it), with an
 * error of `type` on its path, as GitHub answers for a node it will not or cannot resolve.
 */
function leaveOut(reply: Reply, marker: string, type: (typeof PARTIAL_TYPES)[number]): Reply | undefined {
  const body = reply.body as { data?: Json | null; errors?: Json[] }
  if (!body.data) return undefined
  const deepest = (value: unknown, at: (string | number)[]): (string | number)[] | null => {
    if (typeof value !== 'object' || value === null || !JSON.stringify(value).includes(marker)) return null
    for (const [key, entry] of Object.entries(value)) {
      const inner = deepest(entry, [...at, Array.isArray(value) ? Number(key) : key])
      if (inner) return inner
    }
    return Array.isArray(value) ? null : at
  }
  const found = deepest(body.data, [])
  if (!found || found.length === 0) return undefined
  // The entry (or alias) to null: the last list index on the path, else the alias.
  const cut = found.map((p) => typeof p).lastIndexOf('number')
  const hole = cut >= 0 ? found.slice(0, cut + 1) : found.slice(0, 1)
  let parent: Json | unknown[] = body.data
  for (const step of hole.slice(0, -1)) parent = (parent as Json)[step as string] as Json
  ;(parent as Json)[hole[hole.length - 1] as string] = null
  const errors = type === 'null entry, no error' ? [] : [{ type, message: `${type} on ${hole.join('.')}`, path: hole }]
  return { ...reply, body: { ...body, errors: [...(body.errors ?? []), ...errors] } }
}

/** Every read the code makes: `'GET /…'` routes and `query Name` operations under src/. */
export function readsInCode(dir = 'src'): Set<string> {
  const reads = new Set<string>()
  for (const name of readdirSync(dir)) {
    const file = join(dir, name)
    if (statSync(file).isDirectory()) readsInCode(file).forEach((r) => reads.add(r))
    else if (file.endsWith('.ts')) {
      const text = readFileSync(file, 'utf8')
      for (const m of text.matchAll(/'(GET \/[^']+)'/g)) reads.add(m[1]!)
      for (const m of text.matchAll(/query (\w+)[({]/g)) reads.add(m[1]!)
    }
  }
  return reads
}

export interface Case {
  read: Read
  kind: string
  /** How many answers the fault replaces: Infinity for a fault that lasts, 1 for one that passes. */
  times: number
}

export const isGraphql = (r: Read): boolean => !r.read.startsWith('GET ')
export const CASES: Case[] = READS.flatMap((read) => {
  const kinds = isGraphql(read) ? ['502', ...PARTIAL_TYPES] : Object.keys(REST_FAULTS)
  return [
    ...kinds.map((kind) => ({ read, kind, times: Infinity })),
    { read, kind: isGraphql(read) ? 'INTERNAL' : '502', times: 1 }
  ]
})

/** Runs one case and checks what the matrix holds for it. */
export async function expectCaseHolds({ read, kind, times }: Case): Promise<void> {
  let injected = 0
  const partial = (PARTIAL_TYPES as readonly string[]).includes(kind)
  const fault = (r: RecordedRequest): FaultAnswer | undefined => {
    if (partial || !read.hits(r) || injected >= times) return undefined
    injected++
    return kind === '502' && isGraphql(read) ? { status: 502, body: { message: 'Server Error' } } : REST_FAULTS[kind]
  }
  const alter = (r: RecordedRequest, reply: Reply): Reply | undefined => {
    if (!partial || !read.hits(r) || injected >= times) return undefined
    const changed = leaveOut(reply, read.marker!, kind as (typeof PARTIAL_TYPES)[number])
    if (changed) injected++
    return changed
  }
  const outcome = await auditWorld(matrixWorld().world, rosterFor('acme'), { fault, alter }).then(
    (run) => ({ verdicts: statuses(run.result), invitations: run.result.invitations }),
    (error: Error) => ({ stopped: error.message })
  )
  expect(injected).toBeGreaterThan(0)
  if ('stopped' in outcome) {
    // Only a read that gates the run may stop it, and then with a message, before any verdict.
    expect({ read: read.read, stops: read.expect === 'stops' }).toEqual({ read: read.read, stops: true })
    expect(String(outcome.stopped)).not.toBe('')
    return
  }
  // A check that could not be read is reported as not checked, never as "none found".
  if (read.expect === 'reported' && times > 1) expect(outcome.invitations?.notChecked.length).toBeGreaterThan(0)
  const mayConcern = new Set(typeof read.expect === 'object' && times > 1 ? read.expect.mayConcern : [])
  const wrong = Object.entries(outcome.verdicts).filter(
    ([login, status]) => status !== TRUTH[login as Person] && !(mayConcern.has(login as Person) && status === 'unknown')
  )
  expect(wrong).toEqual([])
}
