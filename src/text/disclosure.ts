/**
 * The one rule for what a text may name. A text read by the public (the tracking issue in a public
 * repository; the job summary and log of a run whose repository is public) names no one whose
 * membership is concealed; it counts them instead. A private text names everyone. Every section
 * of every report asks here, and nowhere else.
 */
import { type Person, isConcealed } from '../members/people.js'

export interface Disclosure {
  /** The text is readable by anyone. */
  public: boolean
}

export const PRIVATE_TEXT: Disclosure = { public: false }

export function disclosure(isPublic: boolean): Disclosure {
  return { public: isPublic }
}

/** Whether `person` may be named in a text with this disclosure. */
export function mayName(person: Person, d: Disclosure): boolean {
  return !d.public || !isConcealed(person)
}

/** The items that may be named, and how many were left out. */
export function nameable<T>(
  items: T[],
  personOf: (item: T) => Person | null,
  d: Disclosure
): { named: T[]; hidden: number } {
  const named = items.filter((item) => {
    const person = personOf(item)
    return !person || mayName(person, d)
  })
  return { named, hidden: items.length - named.length }
}
