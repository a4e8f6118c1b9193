/**
 * YAML aliases (`*name`) replaced by a copy of what their anchor (`&name`) names, before any check
 * reads the roster. The checks that compare entries (an organization or an exemption written
 * twice) read nodes, and an alias node is not its value: `orgs: [&o acme, *o]` passed as two
 * different organizations, and a second exemption for the same login through an alias let the
 * first one silently win. Resolving (rather than rejecting) keeps rosters that share a list of
 * organizations through an anchor valid, and every check then sees what the run will use; the copy
 * keeps the alias's place, so a problem is reported where the alias is written.
 * Pure.
 */
import { type Document, type Node, isNode, visit } from 'yaml'
import type { ShapeProblem } from './validate.js'

/** As the `yaml` library's own `maxAliasCount` (100): a roster never needs more, and nested aliases grow fast. */
const MAX_ALIASES = 100

/** Nodes copied in all: an anchor of aliases of anchors grows with each level ("billion laughs"). */
const MAX_COPIED = 10_000

function size(node: Node): number {
  let n = 0
  visit(node, () => void n++)
  return n
}

/** Replaces every alias in `doc` by a copy of its target; a problem when that cannot be done. */
export function resolveAliases(doc: Document): ShapeProblem | null {
  let expanded = 0
  let copied = 0
  let problem: ShapeProblem | null = null
  visit(doc, {
    Alias(_key, alias, path) {
      const offset = alias.range?.[0] ?? 0
      const target = alias.resolve(doc)
      const fail = (message: string): symbol => {
        problem = { path: '', offset, message }
        return visit.BREAK
      }
      if (!isNode(target)) return fail(`the alias *${alias.source} names no anchor written before it`)
      if (path.includes(target)) return fail(`the alias *${alias.source} is inside what it names; write the entry out`)
      copied += size(target)
      if (++expanded > MAX_ALIASES || copied > MAX_COPIED)
        return fail(`aliases expand to more than a roster needs; write the entries out`)
      const copy = target.clone() as Node
      copy.range = alias.range ?? copy.range
      delete copy.anchor
      return copy // visited in turn, so aliases inside the copy are resolved too
    }
  })
  return problem
}
