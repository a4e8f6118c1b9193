/** A request the fake GitHub received, and an answer a test injects in its place: below the server and every route. */

export interface RecordedRequest {
  method: string
  /** The path as served, GitHub Enterprise Server's `/api/v3` and `/api/graphql` mapped to GitHub.com's. */
  path: string
  /** The path exactly as the client asked for it. */
  rawPath: string
  query: Record<string, string>
  /** The route the fake serves it as (`GET /orgs/{org}/members`, `POST /graphql`), if any (routes.ts). */
  route?: string
  /** The token presented, if any (tests check which token wrote what). */
  token: string | null
  body?: { query?: string; variables?: Record<string, unknown> } & Record<string, unknown>
  status?: number
}

/** A canned answer a test injects in place of the normal one (faults, outages). */
export interface FaultAnswer {
  /** Without a status the normal answer is sent (after `delayMs`, if set). */
  status?: number
  /** A string is sent as it is (malformed JSON, HTML error pages). */
  body?: unknown
  headers?: Record<string, string>
  /** Drop the connection without answering (a reset). */
  reset?: boolean
  /** Answer this much later (a slow request). */
  delayMs?: number
}
