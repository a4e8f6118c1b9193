/**
 * The one rule for what a text may name. A text anyone can read — the tracking issue in a public
 * repository; the job summary and the log of a run whose repository is public — names a person
 * only by their public memberships: someone with none (a concealed member, an outside collaborator,
 * an invitee) is counted, never named; someone public in one organization and concealed in another
 * is named with the public one only. Team memberships (visible to organization members only),
 * invitees' e-mail addresses and private repositories' names and links never appear there. A
 * private text names everyone. Every section of every report, and the log, asks here and nowhere
 * else.
 */
import type { Evidence } from '../activity/evidence.js'
import type { Membership, Person } from '../members/people.js'
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
}

export const PRIVATE_TEXT: Disclosure = {
  public: false,
  nameable: new Set(),
  hidden: new Set(),
  privateRepositories: new Set()
}

/** The rule for a text that is public or not, about these people and repositories. */
export function disclosure(
  isPublic: boolean,
  people: Person[] = [],
  privateRepositories: Iterable<string> = []
): Disclosure {
  const nameable = new Set<string>()
  const hidden = new Set<string>()
  for (const p of people) (p.memberships.some((m) => m.public) ? nameable : hidden).add(p.key)
  for (const key of nameable) hidden.delete(key)
  return {
    public: isPublic,
    nameable,
    hidden,
    privateRepositories: new Set([...privateRepositories].map((r) => r.toLowerCase()))
  }
}

/** The rule for a text about an audit's result: everyone it found, and the private repositories it saw. */
export function disclosureFor(result: AuditResult, isPublic: boolean): Disclosure {
  return disclosure(isPublic, disclosurePeople(result), result.privateRepositories)
}

/** Everyone an audit's result found. */
export function disclosurePeople(result: AuditResult): Person[] {
  return [...result.verdicts, ...(result.outsideCollaborators ?? [])].map((v) => v.person).concat(result.skippedBots)
}

/** Whether `person` may be named: in public, only with a public membership. */
export function mayName(person: Person, d: Disclosure): boolean {
  return !d.public || person.memberships.some((m) => m.public)
}

/** Whether a login from a list (a team, two-factor status, an inviter) may be named: only someone known to be public. */
export function mayNameLogin(login: string, d: Disclosure): boolean {
  return !d.public || d.nameable.has(login.toLowerCase())
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

/** Free text (an error, a log line) with hidden logins and private repositories' names taken out. */
export function redact(text: string, d: Disclosure): string {
  if (!d.public) return text
  const hidden = (name: string) => d.privateRepositories.has(name.replace(/\.git$/, '').toLowerCase())
  return text
    .replace(ADDRESS, (url, name: string) => (hidden(name) ? 'a private repository' : url))
    .replace(REPOSITORY, (name) => (hidden(name) ? 'a private repository' : name))
    .replace(LOGIN, (word) => (d.hidden.has(word.toLowerCase()) ? 'someone not named' : word))
}
