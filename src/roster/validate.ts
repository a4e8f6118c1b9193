/**
 * Checks YAML nodes against a Shape. It walks the nodes rather than the parsed value so that
 * every problem keeps the place it was written.
 */
import { type Document, type Node, type YAMLMap, isAlias, isMap, isScalar, isSeq } from 'yaml'
import { closestKey } from './did-you-mean.js'
import { type Shape, expectation } from './shape.js'

export interface ShapeProblem {
  /** Key path in the roster's own words, e.g. `exemptions[0].reason`. */
  path: string
  /** Character offset in the file where the problem is. */
  offset: number
  message: string
}

type ObjectShape = Extract<Shape, { kind: 'object' }>
type ScalarShape = Exclude<Shape, { kind: 'object' | 'array' | 'either' }>

interface Place {
  doc: Document
  path: string
  problems: ShapeProblem[]
}

export function checkShape(doc: Document, node: unknown, shape: Shape, path: string, problems: ShapeProblem[]): void {
  const target = isAlias(node) ? node.resolve(doc) : node
  const place: Place = { doc, path, problems }
  const fail = (message: string): void => {
    problems.push({ path, offset: offsetOf(target), message })
  }
  const expected = (): void => fail(`expected ${expectation(shape)}, found ${describe(target)}`)
  switch (shape.kind) {
    case 'object':
      return isMap(target) ? checkObject(target, shape, place) : expected()
    case 'array':
      if (!isSeq(target)) return expected()
      if (shape.minItems && target.items.length < shape.minItems) {
        return fail(`expected at least ${shape.minItems} item${shape.minItems > 1 ? 's' : ''}, found an empty list`)
      }
      return target.items.forEach((item, i) => checkShape(doc, item, shape.items, `${path}[${i}]`, problems))
    case 'either':
      return checkShape(doc, target, isMap(target) ? shape.long : shape.short, path, problems)
    default: {
      if (!isScalar(target) || target.value === null) return expected()
      const problem = scalarProblem(target.value, shape, describe(target))
      if (problem) fail(problem)
    }
  }
}

function checkObject(target: YAMLMap, shape: ObjectShape, { doc, path, problems }: Place): void {
  const allowed = Object.keys(shape.properties)
  const present = new Set<string>()
  for (const pair of target.items) {
    const keyNode = pair.key
    const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode)
    present.add(key)
    const childPath = path ? `${path}.${key}` : key
    const child = shape.properties[key]
    if (child) {
      checkShape(doc, pair.value, child, childPath, problems)
      continue
    }
    const hint = closestKey(key, allowed)
    const message = `unknown key "${key}"${hint ? `; did you mean "${hint}"?` : '.'} Allowed here: ${allowed.join(', ')}`
    problems.push({ path: childPath, offset: offsetOf(keyNode), message })
  }
  for (const key of shape.required ?? []) {
    if (!present.has(key))
      problems.push({
        path: path ? `${path}.${key}` : key,
        offset: offsetOf(target),
        message: `missing required key "${key}"`
      })
  }
}

/** What is wrong with a scalar value for its shape, or null. */
function scalarProblem(value: unknown, shape: ScalarShape, got: string): string | null {
  const expected = `expected ${expectation(shape)}, found ${got}`
  switch (shape.kind) {
    case 'const':
      return value === shape.value ? null : `expected ${shape.value}, found ${JSON.stringify(value)}`
    case 'boolean':
      return typeof value === 'boolean' ? null : `expected true or false, found ${got}`
    case 'integer': {
      const fits =
        typeof value === 'number' && Number.isInteger(value) && value >= shape.minimum && value <= shape.maximum
      return fits ? null : expected
    }
    case 'enum': {
      if (typeof value === 'string' && shape.values.includes(value)) return null
      const hint = typeof value === 'string' ? closestKey(value, shape.values) : undefined
      return `${expected}${hint ? `; did you mean "${hint}"?` : ''}`
    }
    case 'date':
      if (value instanceof Date) return `${expected}: ${YAML_11_DATES}`
      return typeof value === 'string' && isCalendarDate(value) ? null : expected
    case 'string':
      if (typeof value !== 'string') return expected
      if (shape.maxLength && value.length > shape.maxLength)
        return `expected at most ${shape.maxLength} characters, found ${value.length}`
      return shape.pattern && !new RegExp(shape.pattern).test(value) ? expected : null
  }
}

/**
 * A `%YAML 1.1` directive turns on YAML 1.1's timestamp type: an unquoted 2027-06-30 is read as a
 * moment in time, not the text of a day (YAML 1.2, the roster's default, has no such type).
 */
const YAML_11_DATES =
  'the "%YAML 1.1" line at the top makes YAML read an unquoted date as a timestamp; remove that line (the roster is YAML 1.2) or quote the date'

/** True for `YYYY-MM-DD` naming a day that exists (no 2027-02-30). */
function isCalendarDate(text: string): boolean {
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
    if (v instanceof Date) return `a YAML 1.1 timestamp (${v.toISOString().replace(/T00:00:00\.000Z$/, '')})`
  }
  return 'nothing'
}
