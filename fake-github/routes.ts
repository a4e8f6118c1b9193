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
  'GET /users/{username}/events/public'
] as const

/** The GraphQL endpoint (not part of the REST description; checked against the GraphQL schema). */
export const GRAPHQL_ROUTE = 'POST /graphql'

/** The REST routes that only read (a fault matrix injects read faults into these). */
export const FAKE_READ_ROUTES = FAKE_REST_ROUTES.filter((r) => r.startsWith('GET '))

interface TrieNode {
  literal: Map<string, TrieNode>
  param?: TrieNode
  /** Method (upper case) → template, for the templates that end here. */
  methods: Map<string, string>
}

/** Finds the template a path belongs to; a literal segment wins over a parameter. */
export class RouteMatcher {
  private readonly root: TrieNode = { literal: new Map(), methods: new Map() }

  /** Routes as `METHOD /template`. */
  constructor(routes: Iterable<string>) {
    for (const route of routes) {
      const [method, template] = route.split(' ') as [string, string]
      let node = this.root
      for (const seg of template.split('/').filter(Boolean)) {
        if (/^\{.+\}$/.test(seg)) node = node.param ??= { literal: new Map(), methods: new Map() }
        else {
          const next = node.literal.get(seg) ?? { literal: new Map(), methods: new Map() }
          node.literal.set(seg, next)
          node = next
        }
      }
      node.methods.set(method.toUpperCase(), template)
    }
  }

  /** `GET /repos/{owner}/{repo}` for `GET /repos/acme/app`, or undefined. */
  match(method: string, path: string): string | undefined {
    const m = method.toUpperCase()
    const template = this.walk(this.root, path.split('/').filter(Boolean), 0, m)
    return template ? `${m} ${template}` : undefined
  }

  private walk(node: TrieNode, segs: string[], i: number, method: string): string | undefined {
    if (i === segs.length) return node.methods.get(method)
    const literal = node.literal.get(segs[i]!)
    const found = literal ? this.walk(literal, segs, i + 1, method) : undefined
    return found ?? (node.param ? this.walk(node.param, segs, i + 1, method) : undefined)
  }
}

const fakeRoutes = new RouteMatcher([...FAKE_REST_ROUTES, GRAPHQL_ROUTE])

/** The fake's route for a request, or undefined when the fake serves no such route. */
export function fakeRouteOf(method: string, path: string): string | undefined {
  return fakeRoutes.match(method, path)
}
