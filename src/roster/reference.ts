/**
 * The README's roster reference, written from the roster's shape so the two cannot drift: one
 * row per key, with its type, default and meaning.
 */
import { type Shape, expectation } from './shape.js'
import { ROSTER_SHAPE } from './schema.js'

function defaultOf(shape: Shape): string {
  if ('default' in shape && shape.default !== undefined) return `\`${JSON.stringify(shape.default)}\``
  return ''
}

function rows(shape: Shape, prefix: string, out: string[][], required: readonly string[] = []): void {
  if (shape.kind !== 'object') return
  for (const [key, child] of Object.entries(shape.properties)) {
    const path = prefix ? `${prefix}.${key}` : key
    const item = child.kind === 'array' ? child.items : child
    const long = item.kind === 'either' ? item.long : item
    out.push([
      `\`${path}\``,
      required.includes(key) ? 'yes' : '',
      expectation(child).replace(/\|/g, '\\|'),
      defaultOf(child),
      child.description
    ])
    if (long.kind === 'object') rows(long, child.kind === 'array' ? `${path}[]` : path, out, long.required)
  }
}

export function rosterReference(): string {
  const out: string[][] = []
  rows(ROSTER_SHAPE, '', out, (ROSTER_SHAPE as { required?: readonly string[] }).required)
  return [
    '| key | required | value | default | meaning |',
    '|---|---|---|---|---|',
    ...out.map((r) => `| ${r.join(' | ')} |`)
  ].join('\n')
}

export const REFERENCE_START = '<!-- roster-reference:start (written by `npm run docs`) -->'
export const REFERENCE_END = '<!-- roster-reference:end -->'
