/**
 * Connections as GitHub's GraphQL API pages them (the Relay cursor model): `first`/`after` page
 * forwards, `last`/`before` page backwards, `pageInfo` carries `hasNextPage`/`endCursor` and
 * `hasPreviousPage`/`startCursor` (docs.github.com/en/graphql/guides/using-pagination-in-the-graphql-api).
 * Cursors are opaque strings, as GitHub's are.
 */

export interface ConnectionArgs {
  first?: number
  last?: number
  after?: string | null
  before?: string | null
}

export interface Connection<T> {
  nodes: T[]
  edges: { node: T; cursor: string }[]
  totalCount: number
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null }
}

const cursorOf = (index: number): string => Buffer.from(`cursor:v2:${index}`).toString('base64')

function indexOf(cursor: string): number {
  const match = /^cursor:v2:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'))
  if (!match) throw new Error(`\`${cursor}\` does not appear to be a valid cursor.`)
  return Number(match[1])
}

/** One page of `items` (in the connection's own order) as the arguments ask for it. */
export function connection<T>(items: T[], args: ConnectionArgs): Connection<T> {
  // `after` and `before` narrow the list first; then `first` takes from its start, `last` from its end.
  let from = args.after ? indexOf(args.after) + 1 : 0
  let to = args.before ? indexOf(args.before) : items.length
  to = Math.min(to, items.length)
  const narrowedFrom = from
  const narrowedTo = to
  if (args.first !== undefined) to = Math.min(to, from + args.first)
  if (args.last !== undefined) from = Math.max(from, to - args.last)
  const nodes = items.slice(from, to)
  return {
    nodes,
    edges: nodes.map((node, i) => ({ node, cursor: cursorOf(from + i) })),
    totalCount: items.length,
    pageInfo: {
      hasNextPage: to < narrowedTo,
      hasPreviousPage: from > narrowedFrom,
      startCursor: nodes.length ? cursorOf(from) : null,
      endCursor: nodes.length ? cursorOf(to - 1) : null
    }
  }
}
