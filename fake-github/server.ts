/**
 * A fake GitHub on a local port, for tests and the demo. It answers the endpoints the action
 * calls the way GitHub documents them: `Link` pagination with per_page ≤ 100, rate-limit headers
 * and a spent quota answered 403, error bodies with `message` and `documentation_url`, the
 * events API's 30-day / 300-event window, and GraphQL validated against GitHub's schema.
 * Every request is recorded so tests can assert on what the action asked and wrote.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { EVENTS_CAP, publicEvents } from './events.js'
import { type GraphqlFieldFault, executeGraphql, githubSchema } from './graphql-api.js'
import { checkGraphqlAnswer } from './graphql-contract.js'
import { fakeRouteOf } from './routes.js'
import { type Reply, error, paginate, simpleUser, validationFailed } from './answers.js'
import { PUSH_KINDS, repositoryActivities } from './graphql-repository.js'
import { memberPermission } from './repository-roles.js'
import { routeIssues } from './issues-api.js'
import { routeOrgWrites } from './org-writes.js'
import { routeGitRefs } from './git-refs.js'
import { routeUsers } from './accounts.js'
import { type World, type WorldToken, findOrg, findUser, orgRepositories, readsMembers, tokenAccount } from './world.js'
import { type ContractProblem, OpenApiContract } from './openapi-contract.js'
import {
  collaborator,
  fullRepository,
  minimalRepository,
  orgMembership,
  privateUser,
  simpleUser as userOf,
  team as teamJson,
  type RepositoryFacts,
  apiUrl,
  idOf
} from './rest-shapes.js'
import type { FaultAnswer, RecordedRequest } from './request.js'

export type { FaultAnswer, RecordedRequest } from './request.js'

export interface FakeGitHubOptions {
  world: World
  /** Called for every request before it is served; an answer replaces the normal one. */
  fault?: (request: RecordedRequest) => FaultAnswer | undefined
  /** Called with the normal answer; a reply returned is sent instead (GraphQL partial errors). */
  alter?: (request: RecordedRequest, reply: Reply) => Reply | undefined
  /** Asked for every field and list item a GraphQL query resolves; an error returned fails it there (github-faults.ts). */
  graphqlFault?: GraphqlFieldFault
  /** Delay before each answer, to model network latency. */
  latencyMs?: number
  /** The web address links point at (GITHUB_SERVER_URL); default https://github.com. */
  webUrl?: string
  /**
   * Check every REST answer against GitHub's OpenAPI description (openapi-contract.ts) and record
   * what is wrong in `contractProblems`. Default: on under jest (FAKE_GITHUB_CONTRACT=0 turns it
   * off, for measuring), or anywhere with FAKE_GITHUB_CONTRACT=1.
   */
  checkContract?: boolean
}

/** An answer GitHub's description says it would not send. */
export interface ServedProblem extends ContractProblem {
  /** The request as asked: `GET /orgs/acme/members?page=2`. */
  request: string
  /** The answer came from a test's `fault` or `alter` hook, not from the fake itself. */
  injected: boolean
}

/** Every problem any fake in this process served (a jest hook fails a test file whose fake served one). */
export const servedProblems: ServedProblem[] = []

export class FakeGitHub {
  readonly requests: RecordedRequest[] = []
  private readonly used = new Map<string, number>()
  private readonly resetAt = Math.floor(Date.now() / 1000) + 3600

  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly options: FakeGitHubOptions
  ) {}

  static async start(options: FakeGitHubOptions): Promise<FakeGitHub> {
    const holder: { fake?: FakeGitHub } = {}
    const server = createServer((req, res) => {
      void holder.fake!.handle(req, res)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const fake = new FakeGitHub(server, `http://127.0.0.1:${port}`, options)
    holder.fake = fake
    return fake
  }

  get world(): World {
    return this.options.world
  }

  /** Requests that change something on GitHub (anything but reads and GraphQL queries). */
  writes(): RecordedRequest[] {
    return this.requests.filter(
      (r) => r.method !== 'GET' && !(r.path === '/graphql' && !/^\s*mutation\b/.test(String(r.body?.query ?? '')))
    )
  }

  async close(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url)
    const raw = await readBody(req)
    const auth = req.headers.authorization ?? ''
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      rawPath: url.pathname,
      path: decodeURIComponent(url.pathname)
        .replace(/^\/api\/v3(?=\/)/, '')
        .replace(/^\/api\/graphql$/, '/graphql'),
      query: Object.fromEntries(url.searchParams),
      token: auth.replace(/^(token|bearer)\s+/i, '') || null
    }
    if (raw) {
      try {
        recorded.body = JSON.parse(raw)
      } catch {
        recorded.body = { raw }
      }
    }
    const route = fakeRouteOf(recorded.method, recorded.path)
    if (route) recorded.route = route
    this.requests.push(recorded)
    if (this.options.latencyMs) await new Promise((r) => setTimeout(r, this.options.latencyMs))

    const fault = this.options.fault?.(recorded)
    if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs))
    if (fault?.reset) {
      recorded.status = 0
      req.socket.destroy()
      return
    }
    let reply: Reply =
      fault?.status !== undefined
        ? { status: fault.status, body: fault.body, ...(fault.headers ? { headers: fault.headers } : {}) }
        : await this.serve(recorded, url)
    let injected = fault?.status !== undefined
    if (!injected) {
      const altered = this.options.alter?.(recorded, reply)
      injected = altered !== undefined
      reply = altered ?? reply
    }
    recorded.status = reply.status
    this.checkContract(recorded, url, reply, injected)
    const headers = {
      'content-type': 'application/json; charset=utf-8',
      'x-github-media-type': 'github.v3',
      ...reply.headers
    }
    res.writeHead(reply.status, headers)
    res.end(reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body))
  }

  /** What GitHub's description says is wrong with the answers served so far. */
  readonly contractProblems: ServedProblem[] = []

  private checkContract(r: RecordedRequest, url: URL, reply: Reply, injected: boolean): void {
    const env = process.env.FAKE_GITHUB_CONTRACT
    const on = this.options.checkContract ?? (env === '1' || (env !== '0' && process.env.JEST_WORKER_ID !== undefined))
    if (!on) return
    const request = `${r.method} ${r.path}${url.search}`
    for (const p of r.path === '/graphql'
      ? graphqlProblems(r, reply)
      : OpenApiContract.load().check(r.method, r.path, reply.status, reply.body)) {
      const served = { ...p, request, injected }
      this.contractProblems.push(served)
      servedProblems.push(served)
    }
  }

  private async serve(r: RecordedRequest, url: URL): Promise<Reply> {
    const token = r.token ? this.world.tokens[r.token] : undefined
    if (!token) return error(401, 'Bad credentials')
    const serverUrl = this.options.webUrl ?? 'https://github.com'

    if (r.method === 'GET' && r.path === '/rate_limit') {
      return {
        status: 200,
        // `rate-limit-overview`: `resources.core` and `resources.search` required, `rate` the core quota.
        body: {
          resources: { core: this.quota(r.token!, token), search: SEARCH_QUOTA },
          rate: this.quota(r.token!, token)
        },
        headers: { ...this.rateHeaders(r.token!, token), ...scopeHeader(token) }
      }
    }
    // GraphQL has its own points budget (docs.github.com/en/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api).
    if (r.path === '/graphql') return this.route(r, url, token, serverUrl)
    // Primary rate limit (docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api):
    // once spent, 403 with x-ratelimit-remaining: 0 until x-ratelimit-reset.
    const limit = token.limit ?? 5000
    const used = this.used.get(r.token!) ?? 0
    if (used >= limit) {
      return { ...error(403, `API rate limit exceeded for user ID 1.`), headers: this.rateHeaders(r.token!, token) }
    }
    this.used.set(r.token!, used + 1)
    const reply = await this.route(r, url, token, serverUrl)
    return { ...reply, headers: { ...this.rateHeaders(r.token!, token), ...scopeHeader(token), ...reply.headers } }
  }

  private async route(r: RecordedRequest, url: URL, token: WorldToken, serverUrl: string): Promise<Reply> {
    const parts = r.path.split('/').filter(Boolean)
    if (r.method === 'POST' && r.path === '/graphql') {
      const fieldFault = this.options.graphqlFault
      const answer = await executeGraphql(
        { world: this.world, token, serverUrl, ...(fieldFault ? { fieldFault: (f) => fieldFault(r, f) } : {}) },
        String(r.body?.query ?? ''),
        r.body?.variables ?? {}
      )
      return { status: 200, body: answer }
    }
    const orgWrite = routeOrgWrites(this.world, r, token, (org) => ownsOrg(token, org), serverUrl)
    if (orgWrite) return orgWrite
    // docs.github.com/en/rest/orgs/members#check-public-organization-membership-for-a-user: 204 when
    // the user is a public member, 404 when not (concealed, or no member); anyone may ask.
    if (r.method === 'GET' && parts[0] === 'orgs' && parts[2] === 'public_members' && parts.length === 4) {
      const member = findOrg(this.world, parts[1]!)?.members.find(
        (m) => m.login.toLowerCase() === parts[3]!.toLowerCase()
      )
      return member?.public ? { status: 204, body: undefined } : error(404, 'Not Found')
    }
    if (
      r.method === 'GET' &&
      parts[0] === 'orgs' &&
      parts.length === 3 &&
      (parts[2] === 'members' || parts[2] === 'public_members')
    ) {
      const org = findOrg(this.world, parts[1]!)
      if (!org) return error(404, 'Not Found')
      // A fine-grained token whose resource owner is another organization is refused; a classic
      // token without read:org and an installation token without Members: read (the workflow's
      // GITHUB_TOKEN) are answered as anyone would be: public members only.
      const reads = readsMembers(token, org.login)
      if (!reads && !token.scopes && !token.app) return error(403, 'Resource not accessible by personal access token')
      const role = r.query.role ?? 'all'
      const filter = r.query.filter ?? 'all'
      // "If the authenticated user is also a member of this organization then both concealed and
      // public members will be returned" (docs: list organization members); otherwise public ones only.
      const insider = reads && (token.app ? true : isMemberOf(token, org.login))
      // The 2FA filters are "only available for organization owners" (docs: list organization members).
      if (filter !== 'all' && !ownsOrg(token, org.login))
        return validationFailed([{ resource: 'OrganizationMember', field: 'filter', code: 'invalid' }])
      const members = org.members.filter(
        (m) =>
          (parts[2] === 'public_members' || !insider ? m.public : true) &&
          (parts[2] === 'public_members' || role === 'all' || m.role === role) &&
          (filter !== '2fa_disabled' || m.twoFactor === false)
      )
      return paginate(
        url,
        members.map((m) => simpleUser(this.world, m.login, serverUrl))
      )
    }
    // docs.github.com/en/rest/users/users#get-the-authenticated-user: an installation token has no
    // user to show ("Resource not accessible by integration").
    if (r.method === 'GET' && r.path === '/user') {
      if (token.app) return error(403, 'Resource not accessible by integration')
      const me = tokenAccount(token)
      return { status: 200, body: privateUser(this.world, me.login, me.type, serverUrl) }
    }
    // docs.github.com/en/rest/orgs/members#get-an-organization-membership-for-the-authenticated-user:
    // 404 when the user is not affiliated with the organization; an installation token has no user.
    if (
      r.method === 'GET' &&
      parts[0] === 'user' &&
      parts[1] === 'memberships' &&
      parts[2] === 'orgs' &&
      parts.length === 4
    ) {
      if (token.app) return error(403, 'Resource not accessible by integration')
      const org = findOrg(this.world, parts[3]!)
      if (org && !readsMembers(token, org.login)) return error(403, 'Resource not accessible by personal access token')
      if (!org || !isMemberOf(token, org.login)) return error(404, 'Not Found')
      const role = ownsOrg(token, org.login) ? 'admin' : 'member'
      return {
        status: 200,
        body: orgMembership(this.world, org.login, tokenAccount(token).login, 'active', role, serverUrl)
      }
    }
    // docs.github.com/en/rest/orgs/members#get-organization-membership-for-a-user: needs Members: read.
    if (r.method === 'GET' && parts[0] === 'orgs' && parts[2] === 'memberships' && parts.length === 4) {
      const org = findOrg(this.world, parts[1]!)
      if (!org) return error(404, 'Not Found')
      if (!readsMembers(token, org.login))
        return error(403, `Resource not accessible by ${token.app ? 'integration' : 'personal access token'}`)
      const member = org.members.find((m) => m.login.toLowerCase() === parts[3]!.toLowerCase())
      if (!member) return error(404, 'Not Found')
      return {
        status: 200,
        body: orgMembership(this.world, org.login, member.login, 'active', member.role, serverUrl)
      }
    }
    if (
      r.method === 'GET' &&
      parts[0] === 'orgs' &&
      parts.length === 3 &&
      (parts[2] === 'invitations' || parts[2] === 'failed_invitations')
    ) {
      const org = findOrg(this.world, parts[1]!)
      if (org && token.scopes && !token.scopes.includes('admin:org'))
        return error(403, 'You need admin:org scope to list invitations.')
      if (!org || !(token.app ? readsMembers(token, org.login) : ownsOrg(token, org.login)))
        return error(404, 'Not Found')
      const failed = parts[2] === 'failed_invitations'
      const list = (org.invitations ?? []).filter((i) => (i.failedAt !== undefined) === failed)
      return paginate(
        url,
        list.map((i, n) => ({
          id: n + 1,
          node_id: `OI_${n + 1}`,
          login: i.login,
          email: i.email,
          role: i.role,
          created_at: i.createdAt.toISOString(),
          inviter: userOf(this.world, i.inviter, serverUrl),
          team_count: i.teams?.length ?? 0,
          invitation_teams_url: `${apiUrl(serverUrl)}/organizations/${idOf(org.login)}/invitations/${n + 1}/teams`,
          invitation_source: 'member',
          ...(failed
            ? { failed_at: i.failedAt!.toISOString(), failed_reason: i.failedReason ?? 'Invitation expired' }
            : {})
        }))
      )
    }
    if (r.method === 'GET' && parts[0] === 'orgs' && parts.length === 3 && parts[2] === 'outside_collaborators') {
      const org = findOrg(this.world, parts[1]!)
      if (!org) return error(404, 'Not Found')
      const filter = r.query.filter ?? 'all'
      if (filter !== 'all' && !ownsOrg(token, org.login))
        return validationFailed([{ resource: 'OutsideCollaborator', field: 'filter', code: 'invalid' }])
      const list = (org.outsideCollaborators ?? []).filter((c) => filter !== '2fa_disabled' || c.twoFactor === false)
      return paginate(
        url,
        list.map((c) => simpleUser(this.world, c.login, serverUrl))
      )
    }
    // docs.github.com/en/rest/collaborators/collaborators#get-repository-permissions-for-a-user:
    // `permission` holds the legacy level (admin, write, read, none), `role_name` the highest role.
    if (r.method === 'GET' && parts[0] === 'repos' && parts.length === 6 && parts[3] === 'collaborators') {
      if (parts[5] !== 'permission') return error(404, 'Not Found')
      const org = findOrg(this.world, parts[1]!)
      const name = parts[2]!.toLowerCase()
      const login = parts[4]!.toLowerCase()
      if (!findUser(this.world, login)) return error(404, 'Not Found')
      const member = org?.members.find((m) => m.login.toLowerCase() === login)
      const outside = org?.outsideCollaborators?.find((c) => c.login.toLowerCase() === login)
      const role = member
        ? memberPermission(this.world, `${parts[1]}/${name}`, member.login, member.role)
        : (Object.entries(outside?.repos ?? {}).find(([n]) => n.toLowerCase() === name)?.[1] ?? null)
      const legacy: Record<string, string> = {
        admin: 'admin',
        maintain: 'write',
        push: 'write',
        triage: 'read',
        pull: 'read'
      }
      return {
        status: 200,
        body: {
          permission: role ? (legacy[role] ?? 'read') : 'none',
          role_name: role ? (({ push: 'write', pull: 'read' } as Record<string, string>)[role] ?? role) : 'none',
          user: collaborator(this.world, findUser(this.world, login)!.login, serverUrl, role ?? 'none')
        }
      }
    }
    if (r.method === 'GET' && parts[0] === 'repos' && parts.length === 4 && parts[3] === 'collaborators') {
      const org = findOrg(this.world, parts[1]!)
      const name = parts[2]!.toLowerCase()
      const outside = (org?.outsideCollaborators ?? []).filter((c) =>
        Object.keys(c.repos).some((n) => n.toLowerCase() === name)
      )
      const list =
        r.query.affiliation === 'outside'
          ? outside
          : [
              ...(org?.members ?? []).map((m) => ({
                login: m.login,
                repos: { [name]: memberPermission(this.world, `${parts[1]}/${name}`, m.login, m.role) }
              })),
              ...outside
            ]
      return paginate(
        url,
        list.map((c) =>
          collaborator(
            this.world,
            c.login,
            serverUrl,
            Object.entries(c.repos).find(([n]) => n.toLowerCase() === name)![1]
          )
        )
      )
    }
    if (r.method === 'GET' && parts[0] === 'orgs' && parts[2] === 'teams' && parts.length === 4) {
      const org = findOrg(this.world, parts[1]!)
      const team = org?.teams?.find((t) => t.slug.toLowerCase() === parts[3]!.toLowerCase())
      if (!org || !team) return error(404, 'Not Found')
      return { status: 200, body: teamJson(org.login, team.slug, serverUrl, { members: team.members.length }) }
    }
    if (r.method === 'GET' && parts[0] === 'orgs' && parts[2] === 'teams' && parts[4] === 'members') {
      const org = findOrg(this.world, parts[1]!)
      const team = org?.teams?.find((t) => t.slug.toLowerCase() === parts[3]!.toLowerCase())
      if (!org || !team) return error(404, 'Not Found')
      const role = r.query.role ?? 'all'
      return paginate(
        url,
        team.members
          .filter((m) => role === 'all' || m.role === role)
          .map((m) => simpleUser(this.world, m.login, serverUrl))
      )
    }
    if (r.method === 'GET' && parts[0] === 'orgs' && parts.length === 3 && parts[2] === 'repos') {
      const org = findOrg(this.world, parts[1]!)
      if (!org) return error(404, 'Not Found')
      const repos = orgRepositories(this.world, org.login).filter((repo) => !repo.private || token.seesPrivate)
      return paginate(
        url,
        repos.map((repo) => minimalRepository(this.world, this.repositoryFacts(repo.fullName, repo.private), serverUrl))
      )
    }
    if (r.method === 'GET' && parts[0] === 'repos' && parts.length === 4 && parts[3] === 'activity') {
      const repo = orgRepositories(this.world, parts[1]!).find(
        (x) => x.fullName.toLowerCase() === `${parts[1]}/${parts[2]}`.toLowerCase()
      )
      if (!repo || (repo.private && !token.seesPrivate)) return error(404, 'Not Found')
      const period = { day: 1, week: 7, month: 30, quarter: 90, year: 365 }[r.query.time_period ?? ''] ?? null
      // `actor` and `activity_type` filter the list (docs: repos#list-repository-activities).
      const acts = repositoryActivities(this.world, repo, this.world.now, period, serverUrl).filter(
        (a) =>
          (!r.query.actor || (a.actor as { login: string }).login.toLowerCase() === r.query.actor.toLowerCase()) &&
          (!r.query.activity_type || a.activity_type === r.query.activity_type)
      )
      return paginate(url, r.query.direction === 'asc' ? acts.reverse() : acts)
    }
    if (r.method === 'GET' && parts[0] === 'users' && parts[2] === 'events' && parts[3] === 'public') {
      const user = findUser(this.world, parts[1]!)
      if (!user || user.gone) return error(404, 'Not Found')
      return paginate(url, publicEvents(this.world, user, serverUrl), EVENTS_CAP)
    }
    const issues = routeIssues(this.world, r, url, token, serverUrl)
    if (issues) return issues
    const git = routeGitRefs(this.world, r, token, serverUrl)
    if (git) return git
    const users = routeUsers(this.world, r, serverUrl)
    if (users) return users
    if (r.method === 'GET' && parts[0] === 'repos' && parts.length === 3) {
      const fullName = `${parts[1]}/${parts[2]}`.toLowerCase()
      const repo = this.world.repos.find((x) => x.fullName.toLowerCase() === fullName)
      if (!repo || (repo.private && token.seesPrivate === false)) return error(404, 'Not Found')
      // The caller's own role comes with a user token's answer (docs: repos#get-a-repository, `permissions`).
      const canWrite = token.canWrite !== false
      const permissions = token.app
        ? {}
        : { permissions: { admin: false, maintain: false, push: canWrite, triage: canWrite, pull: true } }
      const facts = { ...this.repositoryFacts(repo.fullName, repo.private), hasIssues: repo.hasIssues !== false }
      return { status: 200, body: { ...fullRepository(this.world, facts, serverUrl), ...permissions } }
    }
    return error(404, 'Not Found')
  }

  private repositoryFacts(fullName: string, isPrivate: boolean): RepositoryFacts {
    const here = this.world.users
      .flatMap((u) => u.activities)
      .filter((a) => a.repo.toLowerCase() === fullName.toLowerCase())
    const pushes = here.filter((a) => PUSH_KINDS.includes(a.kind))
    // "open_issues_count" counts open issues and pull requests together (docs: repos#list-organization-repositories);
    // the world's items are open until someone closes or merges them.
    const closed = new Set(here.filter((a) => a.kind === 'close' || a.kind === 'merge').map((a) => a.item))
    const openItems = new Set(here.filter((a) => a.item !== undefined && !closed.has(a.item)).map((a) => a.item)).size
    const pushedAt = pushes.length
      ? new Date(Math.max(...pushes.map((a) => a.at.getTime()))).toISOString()
      : '2015-01-01T00:00:00Z'
    return { fullName, private: isPrivate, pushedAt, openIssues: openItems, hasIssues: true }
  }

  private quota(key: string, token: WorldToken) {
    const limit = token.limit ?? 5000
    const used = Math.min(this.used.get(key) ?? 0, limit)
    return { limit, used, remaining: limit - used, reset: this.resetAt }
  }

  private rateHeaders(key: string, token: WorldToken): Record<string, string> {
    const q = this.quota(key, token)
    return {
      'x-ratelimit-limit': String(q.limit),
      'x-ratelimit-remaining': String(q.remaining),
      'x-ratelimit-used': String(q.used),
      'x-ratelimit-reset': String(q.reset),
      'x-ratelimit-resource': 'core'
    }
  }
}

const SEARCH_QUOTA = { limit: 30, used: 0, remaining: 30, reset: Math.floor(Date.now() / 1000) + 60 }

/** A GraphQL answer against the schema (200), or an HTTP error with GitHub's `message`. */
function graphqlProblems(r: RecordedRequest, reply: Reply): ContractProblem[] {
  const problem = (p: string): ContractProblem => ({ route: 'POST /graphql', status: reply.status, problem: p })
  if (reply.status !== 200)
    return typeof (reply.body as { message?: unknown } | null)?.message === 'string'
      ? []
      : [problem('an error without `message`')]
  return checkGraphqlAnswer(githubSchema(), String(r.body?.query ?? ''), reply.body).map(problem)
}

/** A classic token's scopes, as GitHub sends them on every REST answer. */
function scopeHeader(token: WorldToken): Record<string, string> {
  if (token.scopes) return { 'x-oauth-scopes': token.scopes.join(', ') }
  return token.emptyScopesHeader ? { 'x-oauth-scopes': '' } : {}
}

function isMemberOf(token: WorldToken, org: string): boolean {
  const orgs = token.memberOf ?? token.orgs
  return orgs === 'all' || orgs.some((o) => o.toLowerCase() === org.toLowerCase())
}

function ownsOrg(token: WorldToken, org: string): boolean {
  return token.ownerOf === 'all' || (token.ownerOf ?? []).some((o) => o.toLowerCase() === org.toLowerCase())
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}
