/** A page of a GraphQL connection, as the activity lists read it. Pure. */

export interface Page<T> {
  nodes?: (T | null)[] | null
  pageInfo?: { hasNextPage?: boolean; hasPreviousPage?: boolean; endCursor?: string | null }
}

export type Created = { createdAt: string; url: string }

/** The entries of a page GitHub gave (a null entry is a hole graphql-batch.ts has already reported). */
export const present = <T>(nodes: (T | null)[] | null | undefined): T[] =>
  (nodes ?? []).filter((n): n is T => n !== null)
