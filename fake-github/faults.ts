/**
 * Faults the fake GitHub injects, deterministic from a seed. Each request's fate is drawn from a
 * hash of the seed, the request (method, path, query, GraphQL variables) and how many times that
 * same request was made before, so it does not depend on the order parallel requests arrive in.
 * An outage is drawn the same way: the requests it hits fail every time for longer than a
 * client's retries, and answer again later.
 *
 * What GitHub answers in each case, as its documentation describes it:
 * - 5xx: `502 Server Error` / `503` / `504`; a GraphQL timeout is `502` "We couldn't respond to
 *   your request in time" (docs.github.com/en/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api#timeouts),
 *   or `200` with `data: null` and "Something went wrong while executing your query. This may be
 *   the result of a timeout…".
 * - Secondary rate limits: `403` or `429` with `retry-after` and a message naming the secondary
 *   rate limit (docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#exceeding-the-rate-limit).
 * - GraphQL partial errors: `200` with the other aliases' data and an error whose `path` names the
 *   failed alias.
 */
import type { Reply } from './answers.js'
import { random } from './generated-world.js'
import type { FaultAnswer, RecordedRequest } from './request.js'

type FaultKind =
  | 'slow'
  | 'server-error'
  | 'secondary-403'
  | 'secondary-429'
  | 'graphql-timeout-502'
  | 'graphql-timeout-200'
  | 'graphql-partial'
  | 'malformed-json'
  | 'connection-reset'
  | 'outage'

/** Share of requests for each kind (GraphQL kinds: of GraphQL requests). */
export type FaultRates = Partial<Record<Exclude<FaultKind, 'outage'>, number>>

export interface Outage {
  /** Requests the outage applies to. */
  paths: RegExp
  /** Share of those requests it hits. */
  share: number
  /** A request hit answers 503 this many times in a row, then normally. */
  tries: number
}

export interface FaultStorm {
  fault: (r: RecordedRequest) => FaultAnswer | undefined
  alter: (r: RecordedRequest, reply: Reply) => Reply | undefined
  /** How many of each kind were injected. */
  injected: Map<FaultKind, number>
}

export const SECONDARY = 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
const TIMEOUT_502 =
  "We couldn't respond to your request in time. Sorry about that. Please try resubmitting your request and contact us if the problem persists."
export const SOMETHING_WRONG =
  'Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug. Please include `C0DE:1234:5678` when reporting this issue.'

/** The storm the fault test and `npm run bench -- --storm SEED` use: every kind at once. */
export const STORM_RATES: FaultRates = {
  slow: 0.05,
  'server-error': 0.03,
  'secondary-403': 0.01,
  'secondary-429': 0.01,
  'graphql-timeout-502': 0.05,
  'graphql-timeout-200': 0.05,
  'graphql-partial': 0.1,
  'malformed-json': 0.01,
  'connection-reset': 0.01
}

/** One events request in ten answered 503 five times in a row: more than a client's four tries. */
export const STORM_OUTAGE: Outage = { paths: /\/events\/public$/, share: 0.1, tries: 5 }

export function faultStorm(seed: number, rates: FaultRates, outage?: Outage): FaultStorm {
  const seen = new Map<string, number>()
  const injected = new Map<FaultKind, number>()
  const count = (kind: FaultKind): void => {
    injected.set(kind, (injected.get(kind) ?? 0) + 1)
  }
  // The alias to fail in a partial answer, decided when the request comes in.
  const partial = new WeakMap<RecordedRequest, number>()

  const fault = (r: RecordedRequest): FaultAnswer | undefined => {
    if (r.path === '/rate_limit') return undefined
    // Times in a query's variables follow the clock; without them a request is the same on every run.
    const key = `${r.method} ${r.path} ${JSON.stringify(r.query)} ${JSON.stringify(r.body?.variables ?? '')}`.replace(
      /\d{4}-\d\d-\d\dT[\d:.]+Z/g,
      'T'
    )
    const nth = (seen.get(key) ?? 0) + 1
    seen.set(key, nth)
    if (
      outage &&
      outage.paths.test(r.path) &&
      nth <= outage.tries &&
      hashDraw(seed, `outage ${key}`)() < outage.share
    ) {
      count('outage')
      return { status: 503, body: { message: 'Service Unavailable' } }
    }
    const draw = hashDraw(seed, `${key} #${nth}`)
    const graphql = r.path === '/graphql'
    const read = r.method === 'GET' || graphql
    let x = draw()
    const hit = (kind: Exclude<FaultKind, 'outage'>, applies = true): boolean => {
      const rate = applies ? (rates[kind] ?? 0) : 0
      if (x < rate) {
        count(kind)
        return true
      }
      x -= rate
      return false
    }
    // Only reads get faults a client might not safely retry; writes get server errors and limits.
    if (hit('server-error')) return { status: 502 + Math.floor(draw() * 3), body: { message: 'Server Error' } }
    if (hit('secondary-403'))
      return {
        status: 403,
        headers: { 'retry-after': '1' },
        body: {
          message: SECONDARY,
          documentation_url:
            'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits'
        }
      }
    if (hit('secondary-429'))
      return {
        status: 429,
        headers: { 'retry-after': '2' },
        body: {
          message: SECONDARY,
          documentation_url:
            'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits'
        }
      }
    if (hit('graphql-timeout-502', graphql)) return { status: 502, body: { message: TIMEOUT_502 } }
    if (hit('graphql-timeout-200', graphql))
      return { status: 200, body: { data: null, errors: [{ message: SOMETHING_WRONG }] } }
    if (hit('malformed-json', read))
      return {
        status: 200,
        body: graphql ? '{"data": {"u0": {"login": ' : '[{"id": "1", "type": "IssuesEvent", "created_at": '
      }
    if (hit('connection-reset', read)) return { reset: true }
    if (hit('graphql-partial', graphql)) partial.set(r, Math.floor(draw() * 50))
    if (hit('slow')) return { delayMs: 5 + Math.floor(draw() * 40) }
    return undefined
  }

  const alter = (r: RecordedRequest, reply: Reply): Reply | undefined => {
    const pick = partial.get(r)
    if (pick === undefined || reply.status !== 200) return undefined
    const body = reply.body as { data?: Record<string, unknown> | null; errors?: unknown[] }
    const aliases = Object.keys(body.data ?? {}).filter((k) => /^[ur]\d+$/.test(k))
    if (aliases.length === 0) return undefined
    const alias = aliases[pick % aliases.length]!
    return {
      ...reply,
      body: {
        ...body,
        data: { ...body.data, [alias]: null },
        errors: [
          ...(body.errors ?? []),
          { message: SOMETHING_WRONG, path: [alias], locations: [{ line: 2, column: 3 }] }
        ]
      }
    }
  }

  return { fault, alter, injected }
}

/** A stream of numbers in [0, 1) from a seed and a text (FNV-1a of the text, then the world's generator). */
function hashDraw(seed: number, text: string): () => number {
  let h = (0x811c9dc5 ^ seed) >>> 0
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0
  return random(h)
}
