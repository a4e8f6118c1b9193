/**
 * A GraphQL answer checked against GitHub's published schema (@octokit/graphql-schema) and the
 * GraphQL response format (spec.graphql.org, "Response"): only `data`, `errors` and `extensions`;
 * every error has a `message` (and `path`/`locations` in their shapes); a place an error's `path`
 * names is null in `data` or lies under a null; and `data` has exactly the fields the query
 * selected, each of its schema type — non-null fields never null, lists as arrays, scalars and
 * enums as GitHub serializes them. graphql-js builds the fake's answers from the same schema; this
 * catches what is changed after it (a test's `alter` hook) or around it (fault answers).
 */
import {
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  GraphQLEnumType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
  Kind,
  isAbstractType,
  isObjectType,
  parse
} from 'graphql'

type Json = Record<string, unknown>

interface Collected {
  node: FieldNode
  /** The type the field is looked up on: the fragment's type condition, or the enclosing type. */
  parent: string
  applies: boolean
}

const ANSWER_KEYS = new Set(['data', 'errors', 'extensions'])

/** What is wrong with a GraphQL answer for a query; empty when nothing is. */
export function checkGraphqlAnswer(schema: GraphQLSchema, query: string, body: unknown): string[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return ['the answer is not a JSON object']
  const answer = body as Json
  const problems = Object.keys(answer)
    .filter((k) => !ANSWER_KEYS.has(k))
    .map((k) => `an answer key GraphQL does not have: ${k}`)
  const errors = answer.errors
  if (errors !== undefined && (!Array.isArray(errors) || errors.length === 0))
    problems.push('`errors` is not a non-empty list')
  for (const [i, e] of (Array.isArray(errors) ? errors : []).entries())
    problems.push(...errorProblems(e, i, answer.data))
  if (!('data' in answer) && errors === undefined) problems.push('neither `data` nor `errors`')
  if (answer.data === undefined || answer.data === null) return problems
  let document
  try {
    document = parse(query)
  } catch {
    return [...problems, 'data for a query that does not parse']
  }
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f])
  )
  const root = operation?.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType()
  if (!operation || !root) return [...problems, 'data without an operation']
  const walker = new ShapeWalker(schema, fragments, problems)
  walker.object(answer.data, root.name, operation.selectionSet, 'data')
  return problems
}

function errorProblems(e: unknown, i: number, data: unknown): string[] {
  const where = `errors[${i}]`
  if (typeof e !== 'object' || e === null) return [`${where} is not an object`]
  const error = e as Json
  const problems: string[] = []
  if (typeof error.message !== 'string') problems.push(`${where} has no message`)
  if (error.locations !== undefined && !validLocations(error.locations)) problems.push(`${where}.locations malformed`)
  if (error.path === undefined) return problems
  const path = error.path
  if (!Array.isArray(path) || !path.every((p) => typeof p === 'string' || typeof p === 'number'))
    return [...problems, `${where}.path is not a list of names and indexes`]
  // The place an error names is null, or lies under a null (null propagation), or data is null.
  let node: unknown = data
  for (const step of path) {
    if (node === null || node === undefined) return problems
    node = (node as Record<string | number, unknown>)[step]
  }
  if (node !== null && node !== undefined) problems.push(`${where}.path ${path.join('.')} is not null in data`)
  return problems
}

function validLocations(locations: unknown): boolean {
  return (
    Array.isArray(locations) &&
    locations.every((l) => typeof (l as Json)?.line === 'number' && typeof (l as Json)?.column === 'number')
  )
}

class ShapeWalker {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    private readonly problems: string[]
  ) {}

  /** An object value against the fields its selection set asks of the named type. */
  object(value: unknown, typeName: string, set: SelectionSetNode, where: string): void {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.problems.push(`${where} is not an object`)
      return
    }
    const v = value as Json
    // An abstract type is narrowed by `__typename` when the query asked for it.
    const concrete = typeof v.__typename === 'string' ? v.__typename : typeName
    const fields = this.collect(set, concrete, concrete, new Map())
    for (const key of Object.keys(v)) if (!fields.has(key)) this.problems.push(`${where}.${key} was not asked for`)
    for (const [key, field] of fields) {
      if (!(key in v)) {
        // A field inside a fragment on another type is absent, as it should be.
        if (field.applies) this.problems.push(`${where}.${key} is missing`)
        continue
      }
      if (field.node.name.value === '__typename') {
        if (typeof v[key] !== 'string') this.problems.push(`${where}.${key} is not a type name`)
        continue
      }
      const def = this.fieldType(field.parent, field.node.name.value)
      if (!def) {
        this.problems.push(`${where}.${key}: no field ${field.node.name.value} on ${field.parent}`)
        continue
      }
      this.value(v[key], def, field.node, `${where}.${key}`)
    }
  }

  private value(value: unknown, type: GraphQLOutputType, node: FieldNode, where: string): void {
    if (type instanceof GraphQLNonNull) {
      if (value === null) this.problems.push(`${where} is null, but ${String(type)} is non-null`)
      else this.value(value, type.ofType as GraphQLOutputType, node, where)
      return
    }
    if (value === null) return
    if (type instanceof GraphQLList) {
      if (!Array.isArray(value)) this.problems.push(`${where} is not a list`)
      else value.forEach((item, i) => this.value(item, type.ofType as GraphQLOutputType, node, `${where}[${i}]`))
      return
    }
    if (type instanceof GraphQLEnumType) {
      if (!type.getValues().some((e) => e.name === value)) this.problems.push(`${where} is not a ${type.name}`)
      return
    }
    if (type instanceof GraphQLScalarType) {
      if (!scalarFits(type.name, value)) this.problems.push(`${where} is not a ${type.name}: ${JSON.stringify(value)}`)
      return
    }
    if (node.selectionSet) this.object(value, type.name, node.selectionSet, where)
  }

  private fieldType(typeName: string, field: string): GraphQLOutputType | undefined {
    const type = this.schema.getType(typeName)
    if (!type || !('getFields' in type)) return undefined
    return (type.getFields() as Record<string, { type: GraphQLOutputType }>)[field]?.type
  }

  /**
   * Response key → its field and the type it is a field of, through fragments. `applies`: the
   * value certainly has it (its fragment's type condition covers the value's known type).
   */
  private collect(
    set: SelectionSetNode,
    concrete: string,
    parent: string,
    into: Map<string, Collected>,
    applies = true
  ): Map<string, Collected> {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const key = sel.alias?.value ?? sel.name.value
        const known = into.get(key)
        const here = { node: sel, parent, applies: applies || (known?.applies ?? false) }
        into.set(key, known && !applies ? { ...known, applies: here.applies } : here)
      } else {
        const fragment = sel.kind === Kind.FRAGMENT_SPREAD ? this.fragments.get(sel.name.value) : sel
        if (!fragment) continue
        const condition = fragment.typeCondition?.name.value
        const covered = !condition || this.covers(condition, concrete)
        this.collect(fragment.selectionSet, concrete, condition ?? parent, into, applies && covered)
      }
    }
    return into
  }

  private covers(condition: string, concrete: string): boolean {
    if (condition === concrete) return true
    const cond = this.schema.getType(condition)
    const type = this.schema.getType(concrete)
    if (!cond || !type) return false
    if (isAbstractType(cond) && isObjectType(type)) return this.schema.isSubType(cond, type)
    // Without `__typename` the value's type is the abstract one: the fragment may or may not apply.
    return false
  }
}

function scalarFits(name: string, value: unknown): boolean {
  switch (name) {
    case 'Int':
      return Number.isInteger(value)
    case 'Float':
      return typeof value === 'number'
    case 'Boolean':
      return typeof value === 'boolean'
    default:
      // String, ID and GitHub's custom scalars (DateTime, URI, HTML, GitObjectID …) serialize as strings.
      return typeof value === 'string'
  }
}
