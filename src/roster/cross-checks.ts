/**
 * Roster problems no single value shows: duplicates, references to organizations not audited,
 * and warning bands that cover their whole window. Each keeps the place it was written. Pure.
 */
import { type Document, type Node, type YAMLMap, isMap, isPair, isScalar, isSeq } from 'yaml'
import { adjustChecks } from './adjust-checks.js'
import { DEFAULTS } from './schema.js'
import { loginKey } from './roster.js'
import type { ShapeProblem } from './validate.js'

const offsetOf = (node: unknown): number => (node as Node | null)?.range?.[0] ?? 0
const scalar = (node: unknown): string => String(isScalar(node) ? node.value : node)

export function crossChecks(doc: Document): ShapeProblem[] {
  const problems: ShapeProblem[] = []
  const orgLogins = orgChecks(doc, problems)
  exemptionChecks(doc, orgLogins, problems)
  teamChecks(doc, orgLogins, problems)
  bandChecks(doc, problems)
  adjustChecks(doc, orgLogins, problems)
  return problems
}

function orgChecks(doc: Document, problems: ShapeProblem[]): Set<string> {
  const orgLogins = new Set<string>()
  const orgs = doc.get('orgs', true)
  if (!isSeq(orgs)) return orgLogins
  orgs.items.forEach((item, i) => {
    const name = scalar(isMap(item) ? item.get('name', true) : item)
    if (orgLogins.has(loginKey(name))) {
      problems.push({ path: `orgs[${i}]`, offset: offsetOf(item), message: `organization "${name}" is listed twice` })
    }
    orgLogins.add(loginKey(name))
  })
  return orgLogins
}

function exemptionChecks(doc: Document, orgLogins: Set<string>, problems: ShapeProblem[]): void {
  const exemptions = doc.get('exemptions', true)
  if (!isSeq(exemptions)) return
  const seen = new Map<string, number>()
  exemptions.items.forEach((item, i) => {
    if (!isMap(item)) return
    const login = scalar(item.get('login', true))
    const first = seen.get(loginKey(login))
    if (first !== undefined) {
      const message = `"${login}" already has an exemption (exemptions[${first}]); keep one entry per person`
      problems.push({ path: `exemptions[${i}].login`, offset: offsetOf(item), message })
    } else {
      seen.set(loginKey(login), i)
    }
    const orgs = item.get('orgs', true)
    if (!isSeq(orgs)) return
    orgs.items.forEach((o, j) => {
      const name = scalar(o)
      if (orgLogins.has(loginKey(name))) return
      problems.push({
        path: `exemptions[${i}].orgs[${j}]`,
        offset: offsetOf(o),
        message: `"${name}" is not one of the roster's orgs`
      })
    })
  })
}

function teamChecks(doc: Document, orgLogins: Set<string>, problems: ShapeProblem[]): void {
  const teams = doc.get('teams', true)
  if (!isSeq(teams)) return
  const seen = new Set<string>()
  teams.items.forEach((item, i) => {
    if (!isMap(item)) return
    const team = scalar(item.get('team', true))
    const offset = offsetOf(item)
    const org = team.split('/')[0] ?? ''
    if (!orgLogins.has(loginKey(org))) {
      problems.push({
        path: `teams[${i}].team`,
        offset,
        message: `the team's organization "${org}" is not one of the roster's orgs`
      })
    }
    if (seen.has(team.toLowerCase()))
      problems.push({ path: `teams[${i}].team`, offset, message: `team "${team}" is listed twice` })
    seen.add(team.toLowerCase())
  })
}

/**
 * A warning band as long as its window or longer makes everyone active "approaching" from the
 * day they act: the top-level settings, each organization's and each team's (with what they
 * inherit from the top level) must leave part of the window outside the band.
 */
function bandChecks(doc: Document, problems: ShapeProblem[]): void {
  const top = doc.contents
  if (!isMap(top)) return
  const window = numberAt(top, 'inactive-after-days') ?? DEFAULTS.inactiveAfterDays
  const warn = numberAt(top, 'warn-before-days') ?? DEFAULTS.warnBeforeDays
  checkBand(top, '', window, warn, problems)
  for (const list of ['orgs', 'teams'] as const) {
    const node = top.get(list, true)
    if (!isSeq(node)) continue
    node.items.forEach((item, i) => {
      if (isMap(item))
        checkBand(
          item,
          `${list}[${i}].`,
          numberAt(item, 'inactive-after-days') ?? window,
          numberAt(item, 'warn-before-days') ?? warn,
          problems
        )
    })
  }
}

function checkBand(map: YAMLMap, prefix: string, window: number, warn: number, problems: ShapeProblem[]): void {
  if (warn === 0 || warn < window) return
  // Point at what this entry itself sets; an entry that inherits both is reported at the top level.
  const own = map.has('warn-before-days')
    ? 'warn-before-days'
    : map.has('inactive-after-days')
      ? 'inactive-after-days'
      : null
  if (!own) return
  const message = `the warning band (warn-before-days: ${warn}) covers the whole window (inactive-after-days: ${window}); make it shorter than the window, or 0 to turn it off`
  problems.push({ path: `${prefix}${own}`, offset: offsetOf(map.get(own, true)), message })
}

function numberAt(map: YAMLMap, key: string): number | undefined {
  const value = map.get(key)
  return typeof value === 'number' ? value : undefined
}

/** The key path (`tracking-issue.title`) of the key written at `offset`, for a key written twice. */
export function duplicateKeyPath(doc: Document, offset: number): string {
  const walk = (node: unknown, path: string): string | null => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue
        const key = scalar(pair.key)
        const here = path ? `${path}.${key}` : key
        if (offsetOf(pair.key) === offset) return here
        const inner = walk(pair.value, here)
        if (inner) return inner
      }
    }
    if (isSeq(node)) {
      for (const [i, item] of node.items.entries()) {
        const inner = walk(item, `${path}[${i}]`)
        if (inner) return inner
      }
    }
    return null
  }
  return walk(doc.contents, '') ?? ''
}
