/** One person per login across all audited organizations, with every membership they hold. */
import { loginKey } from '../roster/roster.js'

type OrgRole = 'admin' | 'member'

/** What an outside collaborator holds in one organization: repositories and permission on each. */
export interface OutsideAccess {
  org: string
  repos: { repo: string; permission: string }[]
}

export interface Membership {
  org: string
  /** `admin` is an organization owner (the members API's role name). */
  role: OrgRole
  /** Whether the person shows their membership publicly. Concealed members are never named in public places. */
  public: boolean
}

export interface Person {
  login: string
  key: string
  /**
   * The account's id, as the member list gives it: a login may pass to another account (a rename
   * frees it), an id never does, so what is kept about a person is bound to it.
   */
  id?: number
  /** The account type GitHub reports: `User` or `Bot`. */
  type: string
  memberships: Membership[]
  /** Audited teams (roster `teams`) the person is in, as `org/slug`, maintainers marked. */
  teams?: { team: string; maintainer: boolean }[]
  /** Repositories held as an outside collaborator (include.outside-collaborators), by org. */
  outside?: OutsideAccess[]
}

export interface OrgMember {
  login: string
  id?: number
  type: string
  role: OrgRole
  public: boolean
}

/** Merges each organization's member list into people, owners and concealed status kept per org. */
export function mergePeople(orgs: { org: string; members: OrgMember[] }[]): Person[] {
  const byKey = new Map<string, Person>()
  for (const { org, members } of orgs) {
    for (const m of members) {
      const key = loginKey(m.login)
      let person = byKey.get(key)
      if (!person) {
        person = { login: m.login, key, type: m.type, memberships: [], ...(m.id !== undefined ? { id: m.id } : {}) }
        byKey.set(key, person)
      }
      person.memberships.push({ org, role: m.role, public: m.public })
    }
  }
  return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key))
}

export function isOwner(person: Person): boolean {
  return person.memberships.some((m) => m.role === 'admin')
}

/** Bots are GitHub Apps' accounts (`[bot]` logins, type Bot): nobody to contact. */
export function isBot(person: Person): boolean {
  return person.type === 'Bot' || person.login.toLowerCase().endsWith('[bot]')
}
