/**
 * The routes the fake GitHub serves, as GitHub's REST description names them (`METHOD /template`),
 * and the matcher that finds a request's route. The contract test checks both ways: every route
 * listed here is documented by GitHub, and every answer the fake serves is for a route listed here.
 */

/** Every REST route the fake answers; anything else is a 404 as GitHub answers an unknown path. */
export const FAKE_REST_ROUTES = [
  'GET /rate_limit',
  'GET /user',
  'GET /user/memberships/orgs/{org}',
  'GET /orgs/{org}/members',
  'GET /orgs/{org}/public_members',
  'GET /orgs/{org}/public_members/{username}',
  'GET /orgs/{org}/memberships/{username}',
  'PUT /orgs/{org}/memberships/{username}',
  'DELETE /orgs/{org}/memberships/{username}',
  'GET /orgs/{org}/invitations',
  'GET /orgs/{org}/failed_invitations',
  'GET /orgs/{org}/outside_collaborators',
  'PUT /orgs/{org}/outside_collaborators/{username}',
  'GET /orgs/{org}/teams',
  'GET /orgs/{org}/teams/{team_slug}',
  'GET /orgs/{org}/teams/{team_slug}/members',
  'GET /orgs/{org}/teams/{team_slug}/memberships/{username}',
  'PUT /orgs/{org}/teams/{team_slug}/memberships/{username}',
  'DELETE /orgs/{org}/teams/{team_slug}/memberships/{username}',
  'GET /orgs/{org}/repos',
  'GET /repos/{owner}/{repo}',
  'GET /repos/{owner}/{repo}/activity',
  'GET /repos/{owner}/{repo}/collaborators',
  'GET /repos/{owner}/{repo}/collaborators/{username}/permission',
  'PUT /repos/{owner}/{repo}/collaborators/{username}',
  'DELETE /repos/{owner}/{repo}/collaborators/{username}',
  'GET /repos/{owner}/{repo}/issues',
  'POST /repos/{owner}/{repo}/issues',
  'GET /repos/{owner}/{repo}/issues/{issue_number}',
  'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
  'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
  'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
  'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
  'POST /repos/{owner}/{repo}/git/trees',
  'POST /repos/{owner}/{repo}/git/commits',
  'GET /repos/{owner}/{repo}/git/commits/{commit_sha}',
  'POST /repos/{owner}/{repo}/git/refs',
  'GET /repos/{owner}/{repo}/git/ref/{ref}',
  'PATCH /repos/{owner}/{repo}/git/refs/{ref}',
  'DELETE /repos/{owner}/{repo}/git/refs/{ref}',
  'GET /users/{username}',
  'GET /users/{username}/events/public'
] as const

/**
 * Path parameters that span several segments, per route: GitHub's description marks them
 * `x-multi-segment` (a reference is `heads/feature-a`, the lock's `member-audit/locks/<hash>`;
 * docs.github.com/en/rest/git/refs#get-a-reference). The contract test holds this to the description.
 */
export const FAKE_MULTI_SEGMENT: Readonly<Record<string, readonly string[]>> = {
  'GET /repos/{owner}/{repo}/git/commits/{commit_sha}': ['commit_sha'],
  'GET /repos/{owner}/{repo}/git/ref/{ref}': ['ref'],
  'PATCH /repos/{owner}/{repo}/git/refs/{ref}': ['ref'],
  'DELETE /repos/{owner}/{repo}/git/refs/{ref}': ['ref']
}

/** The GraphQL endpoint (not part of the REST description; checked against the GraphQL schema). */
export const GRAPHQL_ROUTE = 'POST /graphql'

/** The REST routes that only read (a fault matrix injects read faults into these). */
export const FAKE_READ_ROUTES = FAKE_REST_ROUTES.filter((r) => r.startsWith('GET '))

interface TrieNode {
  literal: Map<string, TrieNode>
  /** A parameter that takes one segment. */
  param?: TrieNode
  /** A parameter that takes one segment or more (`FAKE_MULTI_SEGMENT`). */
  multi?: TrieNode
  /** Method (upper case) → template, for the templates that end here. */
  methods: Map<string, string>
}

const node = (): TrieNode => ({ literal: new Map(), methods: new Map() })

/**
 * Finds the template a path belongs to; a literal segment wins over a parameter, and a parameter
 * that may span segments takes as few as leave the rest of the path a route.
 */
export class RouteMatcher {
  private readonly root: TrieNode = node()

  /** Routes as `METHOD /template`; `multiSegment` names, per route, the parameters that span segments. */
  constructor(routes: Iterable<string>, multiSegment: Readonly<Record<string, readonly string[]>> = {}) {
    for (const route of routes) {
      const [method, template] = route.split(' ') as [string, string]
      const multi = multiSegment[route] ?? []
      let at = this.root
      for (const seg of template.split('/').filter(Boolean)) {
        const param = /^\{(.+)\}$/.exec(seg)?.[1]
        if (param === undefined) {
          const next = at.literal.get(seg) ?? node()
          at.literal.set(seg, next)
          at = next
        } else if (multi.includes(param)) at = at.multi ??= node()
        else at = at.param ??= node()
      }
      at.methods.set(method.toUpperCase(), template)
    }
  }

  /** `GET /repos/{owner}/{repo}` for `GET /repos/acme/app`, or undefined. */
  match(method: string, path: string): string | undefined {
    const m = method.toUpperCase()
    const template = this.walk(this.root, path.split('/').filter(Boolean), 0, m)
    return template ? `${m} ${template}` : undefined
  }

  private walk(at: TrieNode, segs: string[], i: number, method: string): string | undefined {
    if (i === segs.length) return at.methods.get(method)
    const literal = at.literal.get(segs[i]!)
    let found = literal ? this.walk(literal, segs, i + 1, method) : undefined
    found ??= at.param ? this.walk(at.param, segs, i + 1, method) : undefined
    for (let end = i + 1; !found && at.multi && end <= segs.length; end++)
      found = this.walk(at.multi, segs, end, method)
    return found
  }
}

const fakeRoutes = new RouteMatcher([...FAKE_REST_ROUTES, GRAPHQL_ROUTE], FAKE_MULTI_SEGMENT)

/** The fake's route for a request, or undefined when the fake serves no such route. */
export function fakeRouteOf(method: string, path: string): string | undefined {
  return fakeRoutes.match(method, path)
}
