/** How people, their roles and the people not named read in every report. Pure. */
import type { Membership } from '../members/people.js'
import { escapeText, link } from './markdown.js'

/** A login as a link to the profile (a link notifies nobody, unlike an @-mention). */
export function profileLink(login: string, serverUrl: string): string {
  return link(login, `${serverUrl}/${login}`)
}

/** " **(owner)**" after an organization owner's name. */
export function ownerMark(owner: boolean): string {
  return owner ? ' **(owner)**' : ''
}

export function roleName(membership: Pick<Membership, 'role'>): string {
  return membership.role === 'admin' ? 'owner' : 'member'
}

/** "acme (owner), beta (member)". */
export function membershipsText(memberships: Membership[]): string {
  return memberships.map((m) => `${escapeText(m.org)} (${roleName(m)})`).join(', ')
}

/** "1 person" / "3 people"-style counts. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/** The note in place of people a public text may not name; '' when nobody was left out. */
export function notNamedNote(hidden: number): string {
  if (hidden === 0) return ''
  return `${count(hidden, 'concealed member')} ${hidden === 1 ? 'is' : 'are'} not named: this text is public. The run's JSON report lists them.`
}
