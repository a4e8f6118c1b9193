/**
 * GitHub's GraphQL API over the world: every document is validated against GitHub's published
 * schema (@octokit/graphql-schema) and then executed by graphql-js against that same schema, so
 * aliases, fragments, variables, nullability and partial errors behave as they do on GitHub.
 */
import { validate as validateAgainstGitHub, schema as published } from '@octokit/graphql-schema'
import {
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLSchema,
  type SelectionSetNode,
  type GraphQLFieldResolver,
  Kind,
  buildClientSchema,
  defaultFieldResolver,
  graphql,
  parse,
  responsePathAsArray
} from 'graphql'
import type { Activity, World, WorldToken, WorldUser } from './world.js'
import { findUser, tokenAccount } from './world.js'
import { itemById, repositoryNode } from './graphql-repository.js'
import { type ConnectionArgs, connection } from './graphql-connection.js'
import type { RecordedRequest } from './request.js'

let executable: GraphQLSchema | undefined
/** GitHub's published schema, built once. */
export function githubSchema(): GraphQLSchema {
  executable ??= buildClientSchema(published.json as never)
  return executable
}

/** An error GitHub reports with a `type` (NOT_FOUND, FORBIDDEN, RESOURCE_LIMITS_EXCEEDED …); none: `type` left out. */
export class TypedError extends Error {
  constructor(
    readonly type: string | null,
    message: string
  ) {
    super(message)
  }
}

/** One place in a GraphQL answer: a field (`['r0', 'issues']`) or a list item (`['r0', 'issues', 'nodes', 3]`). */
export interface GraphqlPlace {
  /** The query's operation name (`RepositorySweep`), if it has one. */
  operation: string | undefined
  path: (string | number)[]
  /** What the fake resolved there (a connection, an issue node, a user …), before GraphQL completes it. */
  value: unknown
}

/** Asked at every field and list item; an error returned fails that place as GitHub would (null there, an error with its path). */
export type GraphqlFieldFault = (request: RecordedRequest, place: GraphqlPlace) => TypedError | undefined

const YEAR_MS = 366 * 24 * 60 * 60 * 1000

/** GitHub requires `first` or `last` on every connection, each at most 100; `after`/`before` page on. */
function page<T>(items: T[], args: ConnectionArgs, name: string) {
  const n = args.first ?? args.last
  if (n === undefined)
    throw new TypedError(
      'MISSING_PAGINATION_BOUNDARIES',
      `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`
    )
  if (n > 100 || n < 0)
    throw new TypedError(
      'EXCESSIVE_PAGINATION',
      `Requesting ${n} records on the \`${name}\` connection exceeds the \`first\` limit of 100 records.`
    )
  return connection(items, args)
}

export interface GraphqlContext {
  world: World
  token: WorldToken
  serverUrl: string
  fieldFault?: (place: GraphqlPlace) => TypedError | undefined
}

function repository(ctx: GraphqlContext, fullName: string, isPrivate: boolean) {
  return {
    __typename: 'Repository',
    nameWithOwner: fullName,
    isPrivate,
    url: `${ctx.serverUrl}/${fullName}`,
    owner: { login: fullName.split('/')[0] }
  }
}

function userNode(ctx: GraphqlContext, user: WorldUser) {
  const visible = (a: Activity): boolean => !a.private || ctx.token.seesPrivate === true
  const byNewest = (a: Activity, b: Activity): number => b.at.getTime() - a.at.getTime()
  const repo = (a: Activity) => repository(ctx, a.repo, a.private ?? false)
  /** Things the user created of one kind, newest first, in any repository (forks included). */
  const created = (kind: Activity['kind'], path: string) =>
    user.activities
      .filter((a) => a.kind === kind && visible(a))
      .sort(byNewest)
      .map((a, i) => ({
        createdAt: a.at.toISOString(),
        url: `${ctx.serverUrl}/${a.repo}/${path}/${i + 1}`,
        repository: repo(a)
      }))
  return {
    __typename: 'User',
    login: user.login,
    contributionsCollection: ({ from, to }: { from?: string; to?: string }) => {
      // `from` defaults to a year before `to`; `to` to now, or to a year after `from` (docs: ContributionsCollection).
      const now = ctx.world.now.getTime()
      const end = to ? Date.parse(to) : from ? Math.min(now, Date.parse(from) + 365 * 24 * 60 * 60 * 1000) : now
      const start = from ? Date.parse(from) : end - 365 * 24 * 60 * 60 * 1000
      if (end - start > YEAR_MS)
        throw new TypedError('INVALID_ARGUMENTS', "The total time spanned by 'from' and 'to' must not exceed 1 year")
      // Contributions: in the span, not in a fork (docs: profile-contributions-reference).
      const counted = (kind: Activity['kind']) =>
        user.activities
          .filter((a) => a.kind === kind && !a.fork && visible(a) && a.at.getTime() >= start && a.at.getTime() <= end)
          .sort(byNewest)
      const contribution = (a: Activity, extra: Record<string, unknown>) => ({
        occurredAt: a.at.toISOString(),
        isRestricted: false,
        ...extra
      })
      return {
        issueContributions: (args: ConnectionArgs) =>
          page(
            counted('issue').map((a) =>
              contribution(a, { issue: { url: `${ctx.serverUrl}/${a.repo}/issues/1`, repository: repo(a) } })
            ),
            args,
            'issueContributions'
          ),
        pullRequestContributions: (args: ConnectionArgs) =>
          page(
            counted('pull_request').map((a) =>
              contribution(a, { pullRequest: { url: `${ctx.serverUrl}/${a.repo}/pull/1`, repository: repo(a) } })
            ),
            args,
            'pullRequestContributions'
          ),
        pullRequestReviewContributions: (args: ConnectionArgs) =>
          page(
            counted('review').map((a) =>
              contribution(a, {
                pullRequestReview: { url: `${ctx.serverUrl}/${a.repo}/pull/1#pullrequestreview-1` },
                repository: repo(a)
              })
            ),
            args,
            'pullRequestReviewContributions'
          ),
        repositoryContributions: (args: ConnectionArgs) =>
          page(
            counted('repository').map((a) => contribution(a, { repository: repo(a) })),
            args,
            'repositoryContributions'
          ),
        // Commits count only on the default branch (docs: "Commits … made in the repository's default branch").
        commitContributionsByRepository: ({ maxRepositories = 25 }: { maxRepositories?: number }) => {
          if (maxRepositories > 100) throw new TypedError('INVALID_ARGUMENTS', 'maxRepositories must be at most 100')
          const commits = counted('commit').filter((a) => a.defaultBranch !== false)
          const byRepo = new Map<string, Activity[]>()
          for (const c of commits) byRepo.set(c.repo, [...(byRepo.get(c.repo) ?? []), c])
          return [...byRepo.entries()]
            .sort((a, b) => b[1].length - a[1].length)
            .slice(0, maxRepositories)
            .map(([name, list]) => ({
              repository: repo(list[0]!),
              url: `${ctx.serverUrl}/${name}/commits?author=${user.login}`,
              contributions: (args: ConnectionArgs) =>
                page(
                  list.map((a) => ({
                    occurredAt: a.at.toISOString().slice(0, 10) + 'T07:00:00Z',
                    url: `${ctx.serverUrl}/${name}/commits?author=${user.login}`,
                    commitCount: 1,
                    isRestricted: false
                  })),
                  args,
                  'contributions'
                )
            }))
        }
      }
    },
    // IssueCommentOrder has only UPDATED_AT (the schema enforces it): edits bring old comments first.
    issueComments: (args: ConnectionArgs) => {
      const comments = user.activities
        .filter((a) => a.kind === 'issue_comment' && visible(a))
        .map((a) => ({ a, updated: a.editedAt ?? a.at }))
        .sort((x, y) => y.updated.getTime() - x.updated.getTime())
        .map(({ a, updated }, i) => ({
          createdAt: a.at.toISOString(),
          updatedAt: updated.toISOString(),
          url: `${ctx.serverUrl}/${a.repo}/issues/1#issuecomment-${i + 1}`,
          repository: repo(a)
        }))
      return page(comments, args, 'issueComments')
    },
    issues: (args: ConnectionArgs) => page(created('issue', 'issues'), args, 'issues'),
    pullRequests: (args: ConnectionArgs) => page(created('pull_request', 'pull'), args, 'pullRequests'),
    repositories: (args: ConnectionArgs) =>
      page(
        user.activities
          .filter((a) => (a.kind === 'repository' || a.kind === 'fork') && visible(a))
          .sort(byNewest)
          .map((a) => ({
            createdAt: a.at.toISOString(),
            url: `${ctx.serverUrl}/${a.repo}`,
            nameWithOwner: a.repo,
            isPrivate: a.private ?? false,
            isFork: a.kind === 'fork'
          })),
        args,
        'repositories'
      ),
    gists: (args: ConnectionArgs) =>
      page(
        user.activities
          .filter((a) => a.kind === 'gist' && !a.private)
          .sort(byNewest)
          .map((a, i) => ({ createdAt: a.at.toISOString(), url: `https://gist.github.com/${user.login}/${i}` })),
        args,
        'gists'
      ),
    repositoryDiscussions: (args: ConnectionArgs) =>
      page(created('discussion', 'discussions'), args, 'repositoryDiscussions'),
    // No orderBy on these two and no documented order: the world says which (default oldest first).
    repositoryDiscussionComments: (args: ConnectionArgs) =>
      page(
        undocumentedOrder(ctx.world, created('discussion_comment', 'discussions')).map((c) => ({
          ...c,
          discussion: { repository: c.repository }
        })),
        args,
        'repositoryDiscussionComments'
      ),
    commitComments: (args: ConnectionArgs) =>
      page(undocumentedOrder(ctx.world, created('commit_comment', 'commit')), args, 'commitComments'),
    starredRepositories: (args: ConnectionArgs) => {
      const stars = user.activities
        .filter((a) => a.kind === 'star' && visible(a))
        .sort(byNewest)
        .map((a) => ({ starredAt: a.at.toISOString(), node: repo(a) }))
      const p = page(stars, args, 'starredRepositories')
      return { ...p, edges: p.nodes, nodes: p.nodes.map((s) => s.node) }
    }
  }
}

export interface GraphqlAnswer {
  data?: unknown
  errors?: Record<string, unknown>[]
}

/**
 * A query's cost in points as GitHub computes it: every connection counts the requests needed to
 * fill it at its `first`/`last`, times those of the connections it sits in; the sum over 100,
 * rounded, at least 1 (docs.github.com/en/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api).
 */
function queryCost(query: string, variables: Record<string, unknown>): number {
  const doc = parse(query)
  const fragments = new Map(
    doc.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f])
  )
  let requests = 0
  const walk = (set: SelectionSetNode | undefined, multiplier: number): void => {
    for (const sel of set?.selections ?? []) {
      if (sel.kind === Kind.FRAGMENT_SPREAD) walk(fragments.get(sel.name.value)?.selectionSet, multiplier)
      else if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.selectionSet, multiplier)
      else {
        const size = sel.arguments?.find((a) => a.name.value === 'first' || a.name.value === 'last')
        if (size) {
          const v =
            size.value.kind === Kind.INT
              ? Number(size.value.value)
              : size.value.kind === Kind.VARIABLE
                ? Number(variables[size.value.name.value] ?? 0)
                : 0
          requests += multiplier
          walk(sel.selectionSet, multiplier * Math.max(1, v))
        } else walk(sel.selectionSet, multiplier)
      }
    }
  }
  for (const d of doc.definitions) if (d.kind === Kind.OPERATION_DEFINITION) walk(d.selectionSet, 1)
  return Math.max(1, Math.round(requests / 100))
}

export async function executeGraphql(
  ctx: GraphqlContext,
  query: string,
  variables: Record<string, unknown> = {}
): Promise<GraphqlAnswer> {
  const invalid = validateAgainstGitHub(query)
  if (invalid.length > 0) {
    return {
      errors: invalid.map((e) => ({ message: e.message, locations: e.locations, extensions: { code: 'invalidQuery' } }))
    }
  }
  const root = {
    user: ({ login }: { login: string }) => {
      const user = findUser(ctx.world, login)
      if (!user || user.gone)
        throw new TypedError('NOT_FOUND', `Could not resolve to a User with the login of '${login}'.`)
      return userNode(ctx, user)
    },
    repository: ({ owner, name }: { owner: string; name: string }) => {
      const repo = findRepo(ctx.world, `${owner}/${name}`.toLowerCase())
      if (!repo || (repo.private && !ctx.token.seesPrivate))
        throw new TypedError('NOT_FOUND', `Could not resolve to a Repository with the name '${owner}/${name}'.`)
      return repositoryNode(ctx.world, repo, ctx.serverUrl, ctx.token.seesPrivate === true)
    },
    // An issue or pull request by its global ID (docs: Query.node); unknown IDs resolve to null.
    node: ({ id }: { id: string }) =>
      itemById(ctx.world, id, ctx.serverUrl, ctx.token.seesPrivate === true, (fullName) =>
        findRepo(ctx.world, fullName.toLowerCase())
      ),
    // The token's own account; for an installation token, its app's bot account.
    viewer: () => ({ __typename: 'User', login: tokenAccount(ctx.token).login }),
    rateLimit: () => ({
      cost: queryCost(query, variables),
      limit: 5000,
      remaining: 4999,
      used: 1,
      nodeCount: 1,
      resetAt: new Date(ctx.world.now.getTime() + 3600_000).toISOString()
    })
  }
  const result = await graphql({
    schema: githubSchema(),
    source: query,
    rootValue: root,
    variableValues: variables,
    ...(ctx.fieldFault ? { fieldResolver: faultingResolver(ctx.fieldFault) } : {})
  })
  const answer: GraphqlAnswer = { data: result.data }
  if (result.errors?.length) answer.errors = result.errors.map(githubError)
  return answer
}

/** `created` lists come newest first; an unordered connection is served the way the world says. */
function undocumentedOrder<T>(world: World, newestFirst: T[]): T[] {
  return world.unorderedConnections === 'newest-first' ? newestFirst : [...newestFirst].reverse()
}

function findRepo(world: World, fullName: string) {
  return world.repos.find((r) => r.fullName.toLowerCase() === fullName) ?? impliedRepo(world, fullName)
}

function impliedRepo(world: World, fullName: string) {
  for (const u of world.users) {
    const a = u.activities.find((x) => x.repo.toLowerCase() === fullName)
    if (a) return { fullName: a.repo, private: a.private ?? false }
  }
  return undefined
}

/**
 * The default resolver, asking the fault hook at the field and at each item of a list it
 * returns. An Error in place of a value is how graphql-js fails a field or a list item: the
 * place becomes null (or the nearest nullable place above it, as the spec's null propagation
 * says) and the error carries its path — a partial answer as GitHub sends one.
 */
function faultingResolver(
  fault: (place: GraphqlPlace) => TypedError | undefined
): GraphQLFieldResolver<unknown, unknown> {
  return (source, args, context, info) => {
    const value = defaultFieldResolver(source, args, context, info)
    const operation = info.operation.name?.value
    const path = responsePathAsArray(info.path)
    const failed = fault({ operation, path, value })
    if (failed) return failed
    if (!Array.isArray(value)) return value
    return value.map((item, i) => fault({ operation, path: [...path, i], value: item }) ?? item)
  }
}

function githubError(e: GraphQLError): Record<string, unknown> {
  const original = e.originalError as TypedError | undefined
  return {
    ...(original?.type ? { type: original.type } : {}),
    path: e.path,
    locations: e.locations,
    message: e.message
  }
}
