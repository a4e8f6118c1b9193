/**
 * `adjust:` problems no single value shows: an approving team or alumni team outside the roster's
 * organizations (the token reads only those), an organization's own adjust: with no top-level
 * one to say who approves. Pure; each problem keeps the place it was written.
 */
import { type Document, type Node, isMap, isScalar, isSeq } from 'yaml'
import { loginKey } from './roster.js'
import type { ShapeProblem } from './validate.js'

const offsetOf = (node: unknown): number => (node as Node | null)?.range?.[0] ?? 0
const scalar = (node: unknown): string => String(isScalar(node) ? node.value : node)
const orgOf = (team: string): string => loginKey(team.split('/')[0] ?? '')

export function adjustChecks(doc: Document, orgLogins: Set<string>, problems: ShapeProblem[]): void {
  const top = doc.get('adjust', true)
  if (isMap(top)) {
    const approvers = top.get('approvers', true)
    if (isSeq(approvers))
      approvers.items.forEach((item, i) => {
        const value = scalar(item)
        if (value.includes('/') && !orgLogins.has(orgOf(value)))
          problems.push({
            path: `adjust.approvers[${i}]`,
            offset: offsetOf(item),
            message: `the approving team's organization "${value.split('/')[0]}" is not one of the roster's orgs (the token reads only those)`
          })
      })
    const alumni = top.get('alumni-team', true)
    if (alumni && !orgLogins.has(orgOf(scalar(alumni))))
      problems.push({
        path: 'adjust.alumni-team',
        offset: offsetOf(alumni),
        message: `the alumni team's organization "${scalar(alumni).split('/')[0]}" is not one of the roster's orgs`
      })
  }
  const orgs = doc.get('orgs', true)
  if (!isSeq(orgs)) return
  orgs.items.forEach((item, i) => {
    const own = isMap(item) ? item.get('adjust', true) : null
    if (!isMap(own)) return
    if (!isMap(top))
      problems.push({
        path: `orgs[${i}].adjust`,
        offset: offsetOf(own),
        message: "an organization's adjust: needs a top-level adjust: that names the approvers"
      })
    const alumni = own.get('alumni-team', true)
    const name = loginKey(scalar((item as { get: (k: string, keep: true) => unknown }).get('name', true)))
    if (alumni && orgOf(scalar(alumni)) !== name)
      problems.push({
        path: `orgs[${i}].adjust.alumni-team`,
        offset: offsetOf(alumni),
        message: `the alumni team must be a team of this organization ("${name}/…")`
      })
  })
}
