/**
 * Faults as GitHub produces them, aimed at one read: the fault matrix's tool.
 *
 *     const faults = new GitHubFaults()
 *     const github = await FakeGitHub.start({ world, ...faults.hooks() })
 *     // One 404 on alice's permission read, then normal answers:
 *     faults.faultOn({
 *       route: 'GET /repos/{owner}/{repo}/collaborators/{username}/permission',
 *       kind: '404',
 *       match: (r) => r.path.endsWith('/alice/permission'),
 *       times: 1
 *     })
 *     // The issue numbered 7 in any repository sweep comes back null, with a NOT_FOUND error on its path:
 *     faults.partialGraphql({
 *       operation: 'RepositorySweep',
 *       at: ({ path, value }) => path.at(-2) === 'nodes' && (value as { number?: number }).number === 7,
 *       type: 'NOT_FOUND'
 *     })
 *
 * REST kinds (`RestFaultKind`), each answered with GitHub's documented error body (`basic-error`,
 * or `validation-error` for 422) and the route's own docs page as `documentation_url`:
 * - `404`, `403`: documented for every route by GitHub's troubleshooting page (a resource the
 *   token may not see is a 404; a missing permission a 403 "Resource not accessible by …");
 * - `410`, `422`: only where the route's OpenAPI description documents them (or GitHub is known to
 *   send them, openapi-contract.ts `KNOWN_UNDOCUMENTED`); `restFaultKinds(route)` says which apply;
 * - `502`: a server error or timeout ("Server Error"), any route;
 * - `secondary-403`, `secondary-429`: a secondary rate limit, `retry-after` set and a message that
 *   names it (docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#exceeding-the-rate-limit).
 * Asking for a kind GitHub would not send on that route throws: the test would prove nothing.
 *
 * GraphQL partial answers (`partialGraphql`): HTTP 200 with `data` beside `errors`; the chosen
 * field or list item (an alias, a connection, a node, a timeline item, a contribution) fails
 * inside graphql-js, so it is null — or the nearest nullable place above it, as null propagation
 * says — and the error's `path` points at it. Types (GitHub lists none in its docs; these are the
 * ones its answers carry):
 * - `NOT_FOUND` "Could not resolve to a …" (a deleted or renamed item, a repository the token may
 *   not see: github.com/berenddeboer/ready-for-agent/issues/1028 quotes one);
 * - `FORBIDDEN` "Resource not accessible by integration" (a node the token may not read, data
 *   beside it: github.com/elementary/builds/pull/41 quotes one);
 * - `INTERNAL` "Something went wrong while executing your query…" (GitHub's timeout and bug
 *   message; GitHub often sends it without a `type`: `untyped: true` leaves it out).
 */
import type { TypedError as TypedErrorType, GraphqlPlace } from './graphql-api.js'
import { TypedError } from './graphql-api.js'
import { SECONDARY, SOMETHING_WRONG } from './faults.js'
import { ANY_ROUTE_STATUSES, KNOWN_UNDOCUMENTED, OpenApiContract } from './openapi-contract.js'
import { FAKE_READ_ROUTES, FAKE_REST_ROUTES } from './routes.js'
import type { FakeGitHubOptions, FaultAnswer, RecordedRequest } from './server.js'

export type RestFaultKind = '404' | '403' | '410' | '422' | '502' | 'secondary-403' | 'secondary-429'
export const REST_FAULT_KINDS: RestFaultKind[] = ['404', '403', '410', '422', '502', 'secondary-403', 'secondary-429']

export type GraphqlErrorType = 'NOT_FOUND' | 'FORBIDDEN' | 'INTERNAL'
export const GRAPHQL_ERROR_TYPES: GraphqlErrorType[] = ['NOT_FOUND', 'FORBIDDEN', 'INTERNAL']

export { FAKE_READ_ROUTES }

export interface RestFault {
  /** A route the fake serves, as `FAKE_REST_ROUTES` names it. */
  route: string
  kind: RestFaultKind
  /** Only requests this accepts (default: every request for the route). */
  match?: (request: RecordedRequest) => boolean
  /** How many answers to fail (default: all of them). */
  times?: number
}

export interface GraphqlPartial {
  /** Only queries with this operation name (`RepositorySweep`, `UserActivity`, `BusyTimelines`, `Viewer`). */
  operation?: string
  /** The place to fail: a path (`['r0', 'issues', 'nodes', 0]`) or a test of each place. */
  at: (string | number)[] | ((place: GraphqlPlace) => boolean)
  type: GraphqlErrorType
  /** `INTERNAL` as GitHub often sends it, with no `type` in the error. */
  untyped?: boolean
  /** Only requests this accepts. */
  match?: (request: RecordedRequest) => boolean
  /** How many places to fail (default: every place `at` picks). */
  times?: number
}

/** What happened to a fault: how many answers it changed, and which requests or paths. */
export interface FaultRecord {
  served: number
  /** REST: the requests failed (`GET /repos/acme/app/collaborators/alice/permission`); GraphQL: the paths nulled. */
  where: string[]
}

export interface ApplicableKind {
  kind: RestFaultKind
  status: number
  /** Why GitHub may send it there: `documented for this route`, or the page that says it may on any route. */
  source: string
}

const PAGINATION_LIMITED =
  'In order to keep the API fast for everyone, pagination is limited for this resource. Check the rel=last link relation in the Link response header to see how far back you can traverse.'
const TROUBLESHOOTING = 'docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api'
const RATE_LIMITS = 'docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api'
const STATUS: Record<RestFaultKind, number> = {
  '404': 404,
  '403': 403,
  '410': 410,
  '422': 422,
  '502': 502,
  'secondary-403': 403,
  'secondary-429': 429
}

/** The fault kinds GitHub may answer on a route, with why; derived from its OpenAPI description. */
export function restFaultKinds(route: string): ApplicableKind[] {
  const contract = OpenApiContract.load()
  const documented = new Set(contract.documentedStatuses(route))
  if (!contract.routes().includes(route)) throw new Error(`${route} is not a route in GitHub's REST description`)
  return REST_FAULT_KINDS.flatMap((kind): ApplicableKind[] => {
    const status = STATUS[kind]
    if (documented.has(status) && !kind.startsWith('secondary'))
      return [{ kind, status, source: 'documented for this route' }]
    if (kind.startsWith('secondary')) return [{ kind, status, source: `${RATE_LIMITS}#exceeding-the-rate-limit` }]
    const known = KNOWN_UNDOCUMENTED[route]?.[status]
    if (known) return [{ kind, status, source: `known to be sent: ${known}` }]
    if ((ANY_ROUTE_STATUSES as readonly number[]).includes(status)) return [{ kind, status, source: TROUBLESHOOTING }]
    return []
  })
}

/** The answer GitHub gives for a fault kind on a route: status, headers and its documented body. */
function restFaultAnswer(route: string, kind: RestFaultKind): FaultAnswer {
  const docs = OpenApiContract.load().docsOf(route) ?? 'https://docs.github.com/rest'
  const status = STATUS[kind]
  const body = (message: string) => ({ message, documentation_url: docs, status: String(status) })
  switch (kind) {
    case '404':
      return { status, body: body('Not Found') }
    case '403':
      return { status, body: body('Resource not accessible by integration') }
    case '410':
      return { status, body: body(route.includes('/issues') ? 'Issues are disabled for this repo' : 'Gone') }
    case '422':
      // The events API's 422 is its pagination limit; elsewhere GitHub's `validation-error`.
      if (route === 'GET /users/{username}/events/public') return { status, body: body(PAGINATION_LIMITED) }
      return { status, body: validationBody(route, body('Validation Failed')) }
    case '502':
      return { status, body: body('Server Error') }
    case 'secondary-403':
    case 'secondary-429':
      return {
        status,
        headers: { 'retry-after': '1', 'x-ratelimit-remaining': '4000' },
        body: {
          message: SECONDARY,
          documentation_url:
            'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits'
        }
      }
  }
}

/**
 * GitHub documents two 422 bodies: `validation-error` (errors as objects with a `code`) and, on a
 * few routes such as the repository activity list, `validation-error-simple` (errors as strings).
 * The route's own is the one its description accepts.
 */
function validationBody(route: string, base: Record<string, string>): Record<string, unknown> {
  const [method, template] = route.split(' ') as [string, string]
  const path = template.replace(/\{[^}]+\}/g, 'x')
  const candidates = [
    { ...base, errors: [{ code: 'invalid' }] },
    { ...base, errors: ['Validation Failed'] }
  ]
  const contract = OpenApiContract.load()
  return candidates.find((c) => contract.check(method, path, 422, c).length === 0) ?? candidates[0]!
}

const GRAPHQL_MESSAGE: Record<GraphqlErrorType, (place: GraphqlPlace) => string> = {
  NOT_FOUND: (p) => `Could not resolve to a ${typeName(p.value) ?? 'node'} at ${p.path.join('.')}.`,
  FORBIDDEN: () => 'Resource not accessible by integration',
  INTERNAL: () => SOMETHING_WRONG
}

function typeName(value: unknown): string | undefined {
  const t = (value as { __typename?: unknown } | null)?.__typename
  return typeof t === 'string' ? t : undefined
}

interface Armed<T> {
  spec: T
  record: FaultRecord
}

/** Faults armed by a test, served through the fake's `fault` and `graphqlFault` hooks. */
export class GitHubFaults {
  private readonly rest: Armed<RestFault>[] = []
  private readonly graphql: Armed<GraphqlPartial>[] = []

  /** Fails answers of one REST route with a fault kind GitHub sends there. */
  faultOn(spec: RestFault): FaultRecord {
    if (!(FAKE_REST_ROUTES as readonly string[]).includes(spec.route))
      throw new Error(`the fake serves no route ${spec.route}`)
    if (!restFaultKinds(spec.route).some((k) => k.kind === spec.kind))
      throw new Error(`GitHub does not answer ${spec.route} with ${spec.kind} (restFaultKinds says which it does)`)
    const record = { served: 0, where: [] }
    this.rest.push({ spec, record })
    return record
  }

  /** Fails a place in GraphQL answers: null there, an error of the type with its path, HTTP 200. */
  partialGraphql(spec: GraphqlPartial): FaultRecord {
    const record = { served: 0, where: [] }
    this.graphql.push({ spec, record })
    return record
  }

  /** Disarms every fault. */
  clear(): void {
    this.rest.length = 0
    this.graphql.length = 0
  }

  /** The hooks to start the fake with (`FakeGitHub.start({ world, ...faults.hooks() })`). */
  hooks(): Pick<FakeGitHubOptions, 'fault' | 'graphqlFault'> {
    return { fault: (r) => this.restFault(r), graphqlFault: (r, place) => this.graphqlFault(r, place) }
  }

  private restFault(r: RecordedRequest): FaultAnswer | undefined {
    for (const { spec, record } of this.rest) {
      if (spec.route !== r.route || record.served >= (spec.times ?? Infinity)) continue
      if (spec.match && !spec.match(r)) continue
      record.served++
      record.where.push(`${r.method} ${r.path}`)
      return restFaultAnswer(spec.route, spec.kind)
    }
    return undefined
  }

  private graphqlFault(r: RecordedRequest, place: GraphqlPlace): TypedErrorType | undefined {
    for (const { spec, record } of this.graphql) {
      if (record.served >= (spec.times ?? Infinity)) continue
      if (spec.operation !== undefined && spec.operation !== place.operation) continue
      if (spec.match && !spec.match(r)) continue
      const hit = Array.isArray(spec.at) ? samePath(spec.at, place.path) : spec.at(place)
      if (!hit) continue
      record.served++
      record.where.push(place.path.join('.'))
      const untyped = spec.type === 'INTERNAL' && spec.untyped
      return new TypedError(untyped ? null : spec.type, GRAPHQL_MESSAGE[spec.type](place))
    }
    return undefined
  }
}

function samePath(a: (string | number)[], b: (string | number)[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}
