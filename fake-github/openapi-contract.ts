/**
 * GitHub's published REST description (the OpenAPI document in @octokit/openapi, generated from
 * github/rest-api-description) as a check on the fake's answers: the route (method and path
 * template) must be documented, the status one GitHub documents for it, and the JSON body must
 * match the schema documented for that status.
 *
 * Statuses GitHub documents for every route rather than per route are accepted on any route,
 * with GitHub's basic error body:
 * - 401 "Bad credentials", 404 for a resource the token may not see ("GitHub uses a 404 Not Found
 *   response instead of a 403 Forbidden"), 403/429 for the primary and secondary rate limits
 *   (docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api);
 * - 403 for a token that lacks a permission or scope (docs.github.com/en/rest/authentication/
 *   permissions-required-for-fine-grained-personal-access-tokens: "Resource not accessible by …");
 * - 500/502/503/504 server errors and timeouts (same troubleshooting page, "Timeouts").
 * Anything else — 410, 422, 201, 204 … — must be documented for the route itself, or be one of
 * the few answers GitHub is known to send where its description is silent (`KNOWN_UNDOCUMENTED`).
 * An error status documented without a body (a team membership's 404) may carry GitHub's basic
 * error body all the same: GitHub sends `message` and `documentation_url` with every error.
 *
 * `oneOf` is read as `anyOf`: the description's alternatives overlap — an event's `payload` may
 * be a `public-event`, which is any object, so every real payload would match two of them.
 *
 * The description is OpenAPI 3.0: `nullable: true` is read by Ajv natively where the schema has
 * a `type`; where it has none (an `allOf`/`anyOf` made nullable) it is rewritten to an `anyOf`
 * with `{type: 'null'}` before Ajv sees it. Schemas are compiled lazily, once per route and status.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv } from 'ajv'
import addFormatsImport from 'ajv-formats'
import standaloneCodeImport from 'ajv/dist/standalone/index.js'
import { RouteMatcher } from './routes.js'

type Json = Record<string, unknown>
type Validate = ((data: unknown) => boolean) & {
  errors?: { instancePath: string; message?: string; params?: unknown }[] | null
}

/** Statuses GitHub may answer on any route (see the module comment for the sources). */
export const ANY_ROUTE_STATUSES = [401, 403, 404, 429, 500, 502, 503, 504] as const

/** Answers GitHub sends that its description does not list for the route, with who saw them. */
export const KNOWN_UNDOCUMENTED: Record<string, Record<number, string>> = {
  // "In order to keep the API fast for everyone, pagination is limited for this resource" past
  // the events API's 300 (github.com/theboi/github-update-readme/issues/4: page=4 → 422).
  'GET /users/{username}/events/public': { 422: 'pagination past the last page GitHub serves' },
  // "Issues are disabled for this repo" (github.com/pockethub/PocketHub/issues/57,
  // github.com/ingydotnet/git-hub/issues/72). Old reports: the create and single-issue routes
  // document 410, the list route does not; the action reads `has_issues` before it lists.
  'GET /repos/{owner}/{repo}/issues': { 410: 'issues disabled in the repository' }
}

export interface ContractProblem {
  /** `GET /orgs/{org}/members`, or the request as asked when no route is documented for it. */
  route: string
  status: number
  problem: string
}

/**
 * Per route (`GET /orgs/{org}/members`): documented status → the JSON pointer of its body schema
 * (null: no body), the route's docs page, and the path parameters that span several segments.
 */
type RouteIndex = Record<string, { statuses: Record<string, string | null>; docs?: string; multiSegment?: string[] }>

const escapePointer = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1')
const addFormats = addFormatsImport as unknown as (ajv: Ajv) => Ajv
const standaloneCode = (standaloneCodeImport as unknown as { default?: unknown }).default ?? standaloneCodeImport
const require = createRequire(import.meta.url)
const BASIC_ERROR = '/components/schemas/basic-error'

/**
 * Compiling a schema as large as a full repository takes Ajv a few hundred milliseconds and every
 * jest test file is a fresh module registry, so compiled validators (Ajv's standalone code) and the
 * route index are kept on disk, keyed by the description's version, Ajv's and this file's text.
 */
function cacheDir(): string {
  const version = (name: string): string => (require(`${name}/package.json`) as { version: string }).version
  const own = readFileSync(fileURLToPath(import.meta.url), 'utf8')
  const key = createHash('sha256')
    .update(`${version('@octokit/openapi')} ${version('ajv')} ${version('ajv-formats')} ${own}`)
    .digest('hex')
    .slice(0, 16)
  const dir = join(fileURLToPath(new URL('../node_modules/.cache/openapi-contract/', import.meta.url)), key)
  mkdirSync(dir, { recursive: true })
  return dir
}

/** Written beside and renamed, so a parallel jest worker never reads half a file. */
function writeAtomically(file: string, text: string): void {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`
  writeFileSync(temp, text)
  renameSync(temp, file)
}

function readOr<T>(file: string, parse: (text: string) => T): T | undefined {
  try {
    return parse(readFileSync(file, 'utf8'))
  } catch {
    return undefined
  }
}

export class OpenApiContract {
  private readonly matcher: RouteMatcher
  private readonly validators = new Map<string, Validate>()
  private doc?: Json
  private ajv?: Ajv
  /** What Ajv sees: only the schemas compiled so far, shared with the description (13 MB to traverse otherwise). */
  private readonly root: Json = {}
  private readonly prepared = new Set<unknown>()

  private constructor(
    private readonly dir: string,
    private readonly index: RouteIndex
  ) {
    const multi = Object.entries(index).flatMap(([r, i]) => (i.multiSegment ? [[r, i.multiSegment] as const] : []))
    this.matcher = new RouteMatcher(Object.keys(index), Object.fromEntries(multi))
  }

  private static shared?: OpenApiContract
  /** Read and indexed once per process (per test file under jest), from the disk cache when it is there. */
  static load(): OpenApiContract {
    if (OpenApiContract.shared) return OpenApiContract.shared
    const dir = cacheDir()
    const file = join(dir, 'routes.json')
    let index = readOr(file, (t) => JSON.parse(t) as RouteIndex)
    let doc: Json | undefined
    if (!index) {
      doc = readDescription()
      index = routeIndex(doc)
      writeAtomically(file, JSON.stringify(index))
    }
    OpenApiContract.shared = new OpenApiContract(dir, index)
    OpenApiContract.shared.doc = doc
    return OpenApiContract.shared
  }

  /** The documented route a request is for (`GET /repos/{owner}/{repo}`), or undefined. */
  routeOf(method: string, path: string): string | undefined {
    return this.matcher.match(method, path)
  }

  /** The statuses GitHub's description documents for a route (`GET /user` → 200, 304, 401, 403). */
  documentedStatuses(route: string): number[] {
    return Object.keys(this.responses(route) ?? {})
      .map(Number)
      .filter((s) => Number.isInteger(s))
  }

  /** Every documented route, `METHOD /template`. */
  routes(): string[] {
    return Object.keys(this.index)
  }

  /** The route's page in GitHub's REST docs, as error bodies name it in `documentation_url`. */
  docsOf(route: string): string | undefined {
    return this.index[route]?.docs
  }

  /** The route's path parameters that take several segments (`ref` in `GET /repos/{owner}/{repo}/git/ref/{ref}`). */
  multiSegmentOf(route: string): string[] {
    return this.index[route]?.multiSegment ?? []
  }

  /** What is wrong with an answer, as GitHub's description sees it; empty when nothing is. */
  check(method: string, path: string, status: number, body: unknown): ContractProblem[] {
    const route = this.routeOf(method, path)
    if (!route) return [{ route: `${method} ${path}`, status, problem: 'no such route in GitHub’s REST description' }]
    const problem = (p: string): ContractProblem => ({ route, status, problem: p })
    const responses = this.responses(route)!
    const documented = String(status) in responses
    const allowed = (ANY_ROUTE_STATUSES as readonly number[]).includes(status) || KNOWN_UNDOCUMENTED[route]?.[status]
    if (!documented && !allowed)
      return [
        problem(`status ${status} is not documented for this route (documented: ${this.documentedStatuses(route)})`)
      ]
    if (typeof body === 'string') return [problem('the body is not JSON')]
    const pointer = (documented ? responses[String(status)] : null) ?? (status >= 400 ? BASIC_ERROR : null)
    if (pointer === null) return body === undefined ? [] : [problem('a body where GitHub documents none')]
    const problems: ContractProblem[] = []
    if (status >= 400 && typeof (body as Json | undefined)?.message !== 'string')
      problems.push(problem('an error body without `message`'))
    const validate = this.validator(pointer)
    if (!validate(body))
      for (const e of (validate.errors ?? []).slice(0, 5))
        problems.push(problem(`body${e.instancePath} ${e.message}${e.params ? ' ' + JSON.stringify(e.params) : ''}`))
    return problems
  }

  private responses(route: string): Record<string, string | null> | undefined {
    return this.index[route]?.statuses
  }

  private validator(pointer: string): Validate {
    let validate = this.validators.get(pointer)
    if (validate) return validate
    const file = join(this.dir, `${createHash('sha256').update(pointer).digest('hex').slice(0, 20)}.cjs`)
    validate = readOr(file, evaluate) ?? this.compile(pointer, file)
    this.validators.set(pointer, validate)
    return validate
  }

  private compile(pointer: string, file: string): Validate {
    this.doc ??= readDescription()
    if (!this.ajv) {
      this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, code: { source: true } })
      addFormats(this.ajv)
      this.ajv.addSchema(this.root, 'gh')
    }
    this.prepare(pointer)
    const validate = this.ajv.compile({ $ref: `gh#${pointer}` })
    const code = (standaloneCode as (ajv: Ajv, v: unknown) => string)(this.ajv, validate)
    writeAtomically(file, code)
    return validate as unknown as Validate
  }

  /**
   * Copies the schema at a pointer, and every schema it refers to, into what Ajv sees, rewriting
   * OpenAPI 3.0's `nullable` without a `type` into an `anyOf` Ajv reads.
   */
  private prepare(pointer: string): void {
    const parts = pointer.split('/').slice(1)
    let from: unknown = this.doc
    let to: Json = this.root
    for (const [i, part] of parts.entries()) {
      const key = part.replace(/~1/g, '/').replace(/~0/g, '~')
      from = (from as Json)[key]
      if (i === parts.length - 1) to[key] = from
      else to = (to[key] ??= {}) as Json
    }
    this.walk(from)
  }

  private walk(schema: unknown): void {
    if (schema === null || typeof schema !== 'object' || this.prepared.has(schema)) return
    this.prepared.add(schema)
    if (Array.isArray(schema)) {
      for (const s of schema) this.walk(s)
      return
    }
    const s = schema as Json
    if (typeof s.$ref === 'string' && s.$ref.startsWith('#/')) this.prepare(s.$ref.slice(1))
    for (const [k, v] of Object.entries(s)) if (k !== 'example' && k !== 'examples') this.walk(v)
    if (Array.isArray(s.oneOf)) {
      s.anyOf = s.oneOf
      delete s.oneOf
    }
    // GitHub means its nullable enums to take null (`state_reason: null` on an open issue); OpenAPI
    // 3.0.3 would refuse null unless the enum lists it, so it is listed.
    if (s.nullable === true && Array.isArray(s.enum) && !s.enum.includes(null)) s.enum = [...s.enum, null]
    if (s.nullable === true && s.type === undefined) {
      const rest = { ...s }
      delete rest.nullable
      for (const k of Object.keys(s)) delete s[k]
      s.anyOf = [{ type: 'null' }, rest]
    }
  }
}

function readDescription(): Json {
  return JSON.parse(readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8')) as Json
}

/**
 * Per route and documented status, where its JSON body schema is (a response may be a `$ref`);
 * the path parameters the description marks `x-multi-segment`: GitHub's own mark for a parameter
 * whose value may hold slashes (a Git reference "heads/feature-a", a branch, a file's path), so
 * such a parameter, and only such a one, may match several segments of a request's path.
 */
function routeIndex(doc: Json): RouteIndex {
  const index: RouteIndex = {}
  const at = (ref: string): Json =>
    ref
      .slice(2)
      .split('/')
      .reduce((n: Json, p) => n[p.replace(/~1/g, '/').replace(/~0/g, '~')] as Json, doc)
  for (const [template, item] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
    for (const [method, op] of Object.entries(item)) {
      if (!op || typeof op !== 'object' || !('responses' in op)) continue
      const parameters = [...((item.parameters as unknown as Json[]) ?? []), ...((op.parameters as Json[]) ?? [])]
      const multiSegment = parameters
        .map((p) => (typeof p.$ref === 'string' ? at(p.$ref) : p))
        .filter((p) => p.in === 'path' && p['x-multi-segment'] === true)
        .map((p) => String(p.name))
      const statuses: Record<string, string | null> = {}
      for (const [status, response] of Object.entries(op.responses as Record<string, Json>)) {
        let pointer = `/paths/${escapePointer(template)}/${method}/responses/${status}`
        let r = response
        if (typeof r.$ref === 'string') {
          pointer = r.$ref.slice(1)
          r = at(r.$ref)
        }
        const json = (r.content as Record<string, Json> | undefined)?.['application/json']
        statuses[status] = json?.schema ? `${pointer}/content/application~1json/schema` : null
      }
      const docs = (op.externalDocs as { url?: string } | undefined)?.url
      index[`${method.toUpperCase()} ${template}`] = {
        statuses,
        ...(docs ? { docs } : {}),
        ...(multiSegment.length ? { multiSegment } : {})
      }
    }
  }
  return index
}

/** A cached validator: Ajv's standalone CommonJS code, run with this module's `require`. */
function evaluate(code: string): Validate {
  const module = { exports: {} as Record<string, unknown> }
  new Function('require', 'module', 'exports', code)(require, module, module.exports)
  return (module.exports.default ?? module.exports) as Validate
}
