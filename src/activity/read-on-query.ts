/**
 * The document that reads on where a person's first page could not settle them (read-on.ts): one
 * `user(login:)` alias each, holding only the lists to read further, each from its end cursor with
 * GitHub's largest page. Field names are the first query's, so user-activity-answer.ts reads both.
 * Pure.
 */
import type { ReadOnList } from './user-activity-answer.js'
import {
  CONTRIBUTION_LISTS,
  COMMIT_REPOSITORIES_MAX,
  type ContributionList,
  type Span,
  USER_LISTS,
  type UserListName,
  commitsField,
  listField
} from './user-activity-query.js'

/** One person's lists to read on, with the spans their first query asked. */
export interface ReadOnRequest {
  login: string
  spans: Span[]
  lists: ReadOnList[]
}

export function readOnDocument(requests: ReadOnRequest[]): { query: string; variables: Record<string, unknown> } {
  const vars: string[] = []
  const variables: Record<string, unknown> = {}
  const declare = (name: string, type: string, value: unknown): string => {
    vars.push(`$${name}: ${type}`)
    variables[name] = value
    return `$${name}`
  }
  const parts = requests.map((r, i) => {
    const login = declare(`l${i}`, 'String!', r.login)
    const bySpan = new Map<number, string[]>()
    const userFields: string[] = []
    r.lists.forEach((list, j) => {
      if (list.field === 'commitContributionsByRepository') {
        bySpan.set(list.span ?? 0, [...(bySpan.get(list.span ?? 0) ?? []), commitsField(COMMIT_REPOSITORIES_MAX)])
        return
      }
      const after = declare(`a${i}_${j}`, 'String', list.after)
      if (list.span !== null) {
        const field = list.field as ContributionList
        const text = listField(field, '', CONTRIBUTION_LISTS[field], 0, after)
        bySpan.set(list.span, [...(bySpan.get(list.span) ?? []), text])
      } else {
        const l = USER_LISTS[list.field as UserListName]
        userFields.push(listField(list.field, l.args, l.select, 0, after))
      }
    })
    const spans = [...bySpan].map(([s, fields]) => {
      const from = declare(`f${i}_${s}`, 'DateTime!', r.spans[s]!.from.toISOString())
      const to = declare(`t${i}_${s}`, 'DateTime!', r.spans[s]!.to.toISOString())
      return `cc${s}: contributionsCollection(from: ${from}, to: ${to}) { ${fields.join(' ')} }`
    })
    return `  u${i}: user(login: ${login}) { login ${[...spans, ...userFields].join(' ')} }`
  })
  return { query: `query ReadOn(${vars.join(', ')}) {\n${parts.join('\n')}\n  rateLimit { cost }\n}`, variables }
}
