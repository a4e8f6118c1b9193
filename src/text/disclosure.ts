/**
 * The one rule for what a text may name. A text anyone can read — the tracking issue in a public
 * repository; the job summary and the log of a run whose repository is public — names a person
 * only by their public memberships: someone with none (a concealed member, an outside collaborator,
 * an invitee) is counted, never named; someone public in one organization and concealed in another
 * is named with the public one only. Team memberships (visible to organization members only),
 * invitees' e-mail addresses and private repositories' names and links never appear there. A
 * private text names everyone. Every section of every report, and the log, asks here and nowhere
 * else.
 *
 * The rule holds for every field of a line, not only the name: a named person's organizations
 * (shownOrgs, mayNameIn), their role (shownOwner), the order of a list (shownPriority: an owner
 * only where concealed is not sorted among the owners, nor a team member among team members), and
 * free text that puts a named person beside an organization where they are concealed (redact).
 * What cannot be said without tying a person to a concealed membership is said only in the
 * private report (JSON).
 */
import type { Evidence } from '../activity/evidence.js'
import type { Membership, Person } from '../members/people.js'
import type { Verdict } from '../verdicts/classify.js'
import { STATUS_ORDER, byPriority } from '../verdicts/order.js'
import type { AuditResult } from '../verdicts/result.js'

export interface Disclosure {
  /** The text is readable by anyone. */
  public: boolean
  /** Lower-case logins of people a public text may name (a public membership is known). */
  nameable: ReadonlySet<string>
  /** Lower-case logins of people it may not: to find them in free text (errors, log lines). */
  hidden: ReadonlySet<string>
  /** Lower-case full names of private repositories the run has seen. */
  privateRepositories: ReadonlySet<string>
  /** For each nameable login, the lower-case organizations where their membership is public. */
  publicIn: ReadonlyMap<string, ReadonlySet<string>>
  /** For each nameable login, the lower-case organizations where they are a member but concealed. */
  concealedIn: ReadonlyMap<string, ReadonlySet<string>>
}

export const PRIVATE_TEXT: Disclosure = {
  public: false,
  nameable: new Set(),
  hidden: new Set(),
  privateRepositories: new Set(),
  publicIn: new Map(),
  concealedIn: new Map()
}

/** The rule for a text that is public or not, about these people and repositories. */
export function disclosure(
  isPublic: boolean,
  people: Person[] = [],
  privateRepositories: Iterable<string> = [],
  judgedOnConcealed: Iterable<string> = []
): Disclosure {
  const nameable = new Set<string>()
  const hidden = new Set<string>()
  const publicIn = new Map<string, Set<string>>()
  const concealedIn = new Map<string, Set<string>>()
  const add = (map: Map<string, Set<string>>, key: string, org: string): void =>
    void map.set(key, (map.get(key) ?? new Set()).add(org.toLowerCase()))
  for (const p of people) {
    ;(p.memberships.some((m) => m.public) ? nameable : hidden).add(p.key)
    for (const m of p.memberships) add(m.public ? publicIn : concealedIn, p.key, m.org)
  }
  for (const key of nameable) hidden.delete(key)
  // Someone whose verdict rests on a concealed membership or an audited team (a shorter window
  // than their public memberships give) would be told of by the verdict itself: not named.
  for (const key of judgedOnConcealed) {
    nameable.delete(key)
    hidden.add(key)
  }
  // A membership public in one reading of the person (the audit's) is public: GitHub shows it.
  for (const [key, orgs] of publicIn) for (const org of orgs) concealedIn.get(key)?.delete(org)
  return {
    public: isPublic,
    nameable,
    hidden,
    privateRepositories: new Set([...privateRepositories].map((r) => r.toLowerCase())),
    publicIn,
    concealedIn
  }
}

/** The rule for a text about an audit's result: everyone it found, and the private repositories it saw. */
export function disclosureFor(result: AuditResult, isPublic: boolean): Disclosure {
  const judgedOnConcealed = result.verdicts.filter((v) => !v.window.restsOnPublic).map((v) => v.person.key)
  return disclosure(isPublic, disclosurePeople(result), result.privateRepositories, judgedOnConcealed)
}

/** Everyone an audit's result found. */
export function disclosurePeople(result: AuditResult): Person[] {
  return [...result.verdicts, ...(result.outsideCollaborators ?? [])].map((v) => v.person).concat(result.skippedBots)
}

/** Whether `person` may be named: in public, only with a public membership. */
function mayName(person: Person, d: Disclosure): boolean {
  return !d.public || (person.memberships.some((m) => m.public) && !d.hidden.has(person.key))
}

/** Whether a text may tie `login` to `org`: in public, only through a public membership of it. */
export function mayNameIn(login: string, org: string, d: Disclosure): boolean {
  return !d.public || Boolean(d.publicIn.get(login.toLowerCase())?.has(org.toLowerCase()))
}

/** The organizations of a login from a list (two-factor status) a text may show: in public, its public memberships. */
export function shownOrgs(login: string, orgs: string[], d: Disclosure): string[] {
  return orgs.filter((org) => mayNameIn(login, org, d))
}

/**
 * The order of a list of people as a text may show it. A private text: byPriority (owners, then
 * members of audited teams, first). A public one sorts only by what it shows — an owner only of
 * an organization where that is concealed is not put among the owners, and audited teams (their
 * members are visible to organization members only) do not count — so a line's place says no
 * more than the line.
 */
export function shownPriority(d: Disclosure): (a: Verdict, b: Verdict) => number {
  if (!d.public) return byPriority
  return (a, b) =>
    STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
    Number(shownOwner(b.person, d)) - Number(shownOwner(a.person, d)) ||
    a.person.key.localeCompare(b.person.key)
}

/** The memberships a text may show for a person it names. */
export function shownMemberships(person: Person, d: Disclosure): Membership[] {
  return d.public ? person.memberships.filter((m) => m.public) : person.memberships
}

/** Whether the text may call the person an owner (of an organization it may show). */
export function shownOwner(person: Person, d: Disclosure): boolean {
  return shownMemberships(person, d).some((m) => m.role === 'admin')
}

/** Evidence as a text may show it: a private repository's act keeps its date and kind, not its name or link. */
export function shownEvidence(evidence: Evidence | null, d: Disclosure): Evidence | null {
  if (!evidence || !d.public || !evidence.private) return evidence
  return { ...evidence, kind: `private ${evidence.kind}`, url: null, repo: null }
}

/** The items that may be named, and how many were left out. */
export function nameable<T>(
  items: T[],
  personOf: (item: T) => Person | null,
  d: Disclosure
): { named: T[]; hidden: number } {
  const named = items.filter((item) => {
    const person = personOf(item)
    return person ? mayName(person, d) : !d.public
  })
  return { named, hidden: items.length - named.length }
}

/** An address on a GitHub host whose path starts with owner/name (an item, a repository, its activity). */
const ADDRESS = /\bhttps?:\/\/[^\s/]+\/([A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+)[^\s)\]>]*/g
/** owner/name standing alone: not inside an address or a longer path. */
const REPOSITORY = /(?<![\w./-])[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9._-]+/g
const LOGIN = /(?<![A-Za-z0-9-])[A-Za-z0-9][A-Za-z0-9-]*(\[bot\])?(?![A-Za-z0-9-])/g

/**
 * Free text (an error, a log line) with hidden logins and private repositories' names taken out.
 * A named person is taken out too where the same text names an audited organization they are not
 * public in (`GET /orgs/beta/teams/core/memberships/pat` would tie pat to beta): text that cannot
 * be read field by field is judged as a whole. Whether they are a concealed member of it or no
 * member at all does not matter, so that the redaction itself tells nothing.
 */
export function redact(text: string, d: Disclosure): string {
  if (!d.public) return text
  const hidden = (name: string) => d.privateRepositories.has(name.replace(/\.git$/, '').toLowerCase())
  const words = new Set([...text.matchAll(LOGIN)].map((m) => m[0].toLowerCase()))
  const orgs = new Set([...d.publicIn.values(), ...d.concealedIn.values()].flatMap((set) => [...set]))
  const named = [...orgs].filter((org) => words.has(org))
  const tied = (key: string): boolean => d.nameable.has(key) && named.some((org) => !d.publicIn.get(key)?.has(org))
  return text
    .replace(ADDRESS, (url, name: string) => (hidden(name) ? 'a private repository' : url))
    .replace(REPOSITORY, (name) => (hidden(name) ? 'a private repository' : name))
    .replace(LOGIN, (word) => {
      const key = word.toLowerCase()
      return d.hidden.has(key) || tied(key) ? 'someone not named' : word
    })
}
