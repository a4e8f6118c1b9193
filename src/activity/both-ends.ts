/**
 * Connections GitHub documents no order for, read at both ends (user-activity-query.ts). Pure.
 */
import { type Created, type Page, present } from './pages.js'

/**
 * A connection read at both ends, as one page newest first: whichever way GitHub sorts it (no
 * order is documented), its newest item is at one end. What lies unread between the ends is older
 * than the newer end's oldest item (`readTo`). More to read only when the start said so and the
 * ends do not meet (an item in both means nothing lies between).
 */
export function bothEnds<T extends Created>(
  start: Page<T> | undefined,
  end: Page<T> | undefined
): (Page<T> & { readTo?: string }) | undefined {
  if (!start && !end) return undefined
  const [first, last] = [present(start?.nodes), present(end?.nodes)]
  const byUrl = new Map([...first, ...last].map((n) => [n.url, n]))
  const meet = byUrl.size < first.length + last.length
  const nodes = [...byUrl.values()].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
  const newest = (list: T[]) => Math.max(...list.map((n) => Date.parse(n.createdAt)))
  const newer = first.length && (!last.length || newest(first) >= newest(last)) ? first : last
  const readTo = newer.length
    ? new Date(Math.min(...newer.map((n) => Date.parse(n.createdAt)))).toISOString()
    : undefined
  return {
    nodes,
    pageInfo: {
      hasNextPage: (start?.pageInfo?.hasNextPage ?? false) && !meet,
      endCursor: start?.pageInfo?.endCursor ?? null
    },
    ...(readTo ? { readTo } : {})
  }
}
