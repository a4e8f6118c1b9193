/** Answers as GitHub writes them: error bodies, and lists paged with a Link header. */
import type { World } from './world.js'
import { simpleUser as fullSimpleUser } from './rest-shapes.js'

export interface Reply {
  status: number
  body: unknown
  headers?: Record<string, string>
}

const DOCS = 'https://docs.github.com/rest'

export function error(status: number, message: string): Reply {
  return { status, body: { message, documentation_url: DOCS, status: String(status) } }
}

/**
 * GitHub's `validation-error` body (422): `message` and `documentation_url` required, `errors`
 * naming each field (docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api).
 */
export function validationFailed(errors?: Record<string, unknown>[]): Reply {
  return {
    status: 422,
    body: { message: 'Validation Failed', ...(errors ? { errors } : {}), documentation_url: DOCS, status: '422' }
  }
}

export function simpleUser(world: World, login: string, serverUrl: string) {
  return fullSimpleUser(world, login, serverUrl)
}

/**
 * `page` and `per_page` (default 30, at most 100) with a `Link` header as GitHub sends it.
 * `cap` models lists GitHub will not page past (the events API's 300): a page beyond it is a 422.
 */
export function paginate(url: URL, items: unknown[], cap?: number): Reply {
  const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30) || 30))
  const pageNumber = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1)
  if (cap !== undefined && (pageNumber - 1) * perPage >= cap) {
    return error(
      422,
      'In order to keep the API fast for everyone, pagination is limited for this resource. Check the rel=last link relation in the Link response header to see how far back you can traverse.'
    )
  }
  const lastPage = Math.max(1, Math.ceil(items.length / perPage))
  const link = (n: number, rel: string): string => {
    const next = new URL(url)
    next.searchParams.set('page', String(n))
    next.searchParams.set('per_page', String(perPage))
    return `<${next.toString()}>; rel="${rel}"`
  }
  const links: string[] = []
  if (pageNumber < lastPage) links.push(link(pageNumber + 1, 'next'), link(lastPage, 'last'))
  if (pageNumber > 1) links.push(link(1, 'first'), link(pageNumber - 1, 'prev'))
  return {
    status: 200,
    body: items.slice((pageNumber - 1) * perPage, pageNumber * perPage),
    headers: links.length ? { link: links.join(', ') } : {}
  }
}
