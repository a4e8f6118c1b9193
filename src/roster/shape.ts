/**
 * A small description language for the roster's shape. One description serves three readers:
 * the validator (which walks YAML nodes, so every error has a line and column), the JSON Schema
 * that editors use (`roster.schema.json`), and the README's roster reference.
 */

interface Described {
  description: string
}

export type Shape =
  | (Described & { kind: 'string'; pattern?: string; patternHint?: string; maxLength?: number; default?: string })
  | (Described & { kind: 'integer'; minimum: number; maximum: number; default?: number })
  | (Described & { kind: 'boolean'; default?: boolean })
  | (Described & { kind: 'enum'; values: readonly string[]; default?: string })
  | (Described & { kind: 'date' })
  | (Described & { kind: 'const'; value: number })
  | (Described & { kind: 'array'; items: Shape; minItems?: number; default?: unknown[] })
  | (Described & { kind: 'object'; properties: Record<string, Shape>; required?: readonly string[] })
  | (Described & { kind: 'either'; short: Shape; long: Shape })

/** `YYYY-MM-DD`; the validator also checks that the day exists. */
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$'

type JsonSchema = Record<string, unknown>

/** The JSON Schema (draft-07, which editors' YAML plugins understand) for a shape. */
export function toJsonSchema(shape: Shape): JsonSchema {
  const base: JsonSchema = { description: shape.description }
  switch (shape.kind) {
    case 'string':
      return withDefault(
        {
          ...base,
          type: 'string',
          ...(shape.pattern ? { pattern: shape.pattern } : {}),
          ...(shape.maxLength ? { maxLength: shape.maxLength } : {})
        },
        shape.default
      )
    case 'integer':
      return withDefault({ ...base, type: 'integer', minimum: shape.minimum, maximum: shape.maximum }, shape.default)
    case 'boolean':
      return withDefault({ ...base, type: 'boolean' }, shape.default)
    case 'enum':
      return withDefault({ ...base, type: 'string', enum: [...shape.values] }, shape.default)
    case 'date':
      return { ...base, type: 'string', pattern: DATE_PATTERN, format: 'date' }
    case 'const':
      return { ...base, const: shape.value }
    case 'array':
      return withDefault(
        {
          ...base,
          type: 'array',
          items: toJsonSchema(shape.items),
          ...(shape.minItems ? { minItems: shape.minItems } : {})
        },
        shape.default
      )
    case 'object':
      return {
        ...base,
        type: 'object',
        additionalProperties: false,
        ...(shape.required?.length ? { required: [...shape.required] } : {}),
        properties: Object.fromEntries(Object.entries(shape.properties).map(([k, v]) => [k, toJsonSchema(v)]))
      }
    case 'either':
      return { ...base, oneOf: [toJsonSchema(shape.short), toJsonSchema(shape.long)] }
  }
}

function withDefault(schema: JsonSchema, value: unknown): JsonSchema {
  return value === undefined ? schema : { ...schema, default: value }
}

/** What a value of this shape looks like, for "expected …" in error messages. */
export function expectation(shape: Shape): string {
  switch (shape.kind) {
    case 'string':
      return shape.patternHint ?? 'a string'
    case 'integer':
      return `a whole number from ${shape.minimum} to ${shape.maximum}`
    case 'boolean':
      return 'true or false'
    case 'enum':
      return `one of ${shape.values.join(', ')}`
    case 'date':
      return 'a date written YYYY-MM-DD'
    case 'const':
      return String(shape.value)
    case 'array':
      return `a list, each item ${expectation(shape.items)}`
    case 'object':
      return `a mapping with keys ${Object.keys(shape.properties).join(', ')}`
    case 'either':
      return `${expectation(shape.short)}, or ${expectation(shape.long)}`
  }
}
