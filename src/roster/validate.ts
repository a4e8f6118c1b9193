/**
 * Checks YAML nodes against a Shape. It walks the nodes rather than the parsed value so that
 * every problem keeps the place it was written.
 */
import { type Document, type Node, isAlias, isMap, isScalar, isSeq } from 'yaml'
import { closestKey } from './did-you-mean.js'
import { type Shape, expectation } from './shape.js'

export interface ShapeProblem {
  /** Key path in the roster's own words, e.g. `exemptions[0].reason`. */
  path: string
  /** Character offset in the file where the problem is. */
  offset: number
  message: string
}

export function checkShape(doc: Document, node: unknown, shape: Shape, path: string, problems: ShapeProblem[]): void {
  const target = isAlias(node) ? node.resolve(doc) : node
  const offset = offsetOf(target)
  const fail = (message: string): void => {
    problems.push({ path, offset, message })
  }
  const got = describe(target)

  switch (shape.kind) {
    case 'object': {
      if (!isMap(target)) return fail(`expected ${expectation(shape)}, found ${got}`)
      const allowed = Object.keys(shape.properties)
      const present = new Set<string>()
      for (const pair of target.items) {
        const keyNode = pair.key
        const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode)
        present.add(key)
        const childPath = path ? `${path}.${key}` : key
        const child = shape.properties[key]
        if (!child) {
          const hint = closestKey(key, allowed)
          problems.push({
            path: childPath,
            offset: offsetOf(keyNode),
            message: `unknown key "${key}"${hint ? `; did you mean "${hint}"?` : '.'} Allowed here: ${allowed.join(', ')}`
          })
          continue
        }
        checkShape(doc, pair.value, child, childPath, problems)
      }
      for (const key of shape.required ?? []) {
        if (!present.has(key))
          problems.push({ path: path ? `${path}.${key}` : key, offset, message: `missing required key "${key}"` })
      }
      return
    }
    case 'array': {
      if (!isSeq(target)) return fail(`expected ${expectation(shape)}, found ${got}`)
      if (shape.minItems && target.items.length < shape.minItems) {
        return fail(`expected at least ${shape.minItems} item${shape.minItems > 1 ? 's' : ''}, found an empty list`)
      }
      target.items.forEach((item, i) => checkShape(doc, item, shape.items, `${path}[${i}]`, problems))
      return
    }
    case 'either': {
      const branch = isMap(target) ? shape.long : shape.short
      return checkShape(doc, target, branch, path, problems)
    }
    default:
      break
  }

  if (!isScalar(target) || target.value === null) return fail(`expected ${expectation(shape)}, found ${got}`)
  const value = target.value
  switch (shape.kind) {
    case 'const':
      if (value !== shape.value) fail(`expected ${shape.value}, found ${JSON.stringify(value)}`)
      return
    case 'boolean':
      if (typeof value !== 'boolean') fail(`expected true or false, found ${got}`)
      return
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < shape.minimum || value > shape.maximum) {
        fail(`expected ${expectation(shape)}, found ${got}`)
      }
      return
    case 'enum':
      if (typeof value !== 'string' || !shape.values.includes(value)) {
        const hint = typeof value === 'string' ? closestKey(value, shape.values) : undefined
        fail(`expected ${expectation(shape)}, found ${got}${hint ? `; did you mean "${hint}"?` : ''}`)
      }
      return
    case 'date':
      if (typeof value !== 'string' || !isCalendarDate(value)) fail(`expected ${expectation(shape)}, found ${got}`)
      return
    case 'string':
      if (typeof value !== 'string') return fail(`expected ${expectation(shape)}, found ${got}`)
      if (shape.maxLength && value.length > shape.maxLength)
        return fail(`expected at most ${shape.maxLength} characters, found ${value.length}`)
      if (shape.pattern && !new RegExp(shape.pattern).test(value)) fail(`expected ${expectation(shape)}, found ${got}`)
      return
  }
}

/** True for `YYYY-MM-DD` naming a day that exists (no 2027-02-30). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text
}

function offsetOf(node: unknown): number {
  const range = (node as Node | null)?.range
  return range ? range[0] : 0
}

function describe(node: unknown): string {
  if (isMap(node)) return 'a mapping'
  if (isSeq(node)) return 'a list'
  if (isScalar(node)) {
    const v = node.value
    if (v === null) return 'nothing'
    if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v)}`
    if (typeof v === 'number') return `the number ${v}`
    if (typeof v === 'boolean') return `${v}`
  }
  return 'nothing'
}
