/**
 * Lays the tracking issue's sections out into the body and, past GitHub's size limit,
 * continuation comments. Pure.
 */
import { profileLink } from '../text/people.js'
import { partMarker } from './markers.js'

/**
 * GitHub refuses an issue body over 65,536 characters ("body is too long (maximum is 65536
 * characters)", a 422); comments are held to the same budget here. A margin is kept.
 */
export const TEXT_LIMIT = 65_536 - 1_536
/** GitHub sends notifications for at most 50 @-mentions in one body or comment. */
export const MENTIONS_PER_TEXT = 50

export interface IssueText {
  body: string
  /** Continuation comments (part 2, 3, …), each with its own marker. */
  parts: string[]
}

/** A line of the issue. `{{mention:login}}` becomes an @-mention, or a profile link past the 50th in a text. */
export interface Line {
  text: string
}

export interface Section {
  heading: string
  intro?: string
  lines: Line[]
  /** Shown even without lines (its intro says something). */
  keep?: boolean
}

const MENTION = /\{\{mention:([^}]+)\}\}/g

/**
 * The texts: the header, each section that has lines (a section cut by a text boundary repeats its
 * heading), and the closing note.
 */
export function pack(header: string, sections: Section[], note: string, id: string, serverUrl: string): IssueText {
  const texts: string[] = []
  let current = header
  let mentions = 0
  const startNext = (opening: string): void => {
    texts.push(current)
    current = `${partMarker(id, texts.length + 1)}${opening}`
    mentions = 0
  }
  const write = (line: Line): string =>
    line.text.replace(MENTION, (_, login: string) =>
      mentions++ < MENTIONS_PER_TEXT ? `@${login}` : profileLink(login, serverUrl)
    )
  /** A line's longest form (a link is longer than a mention), to decide whether it fits. */
  const widest = (line: Line): string => line.text.replace(MENTION, (_, login: string) => profileLink(login, serverUrl))
  const append = (block: string): void => {
    if (current.length + 2 + block.length > TEXT_LIMIT) startNext('')
    current += '\n\n' + block
  }

  for (const section of sections) {
    if (section.lines.length === 0 && !section.keep) continue
    append([section.heading, ...(section.intro ? ['', section.intro] : [])].join('\n'))
    let first = true
    for (const line of section.lines) {
      if (current.length + 2 + widest(line).length > TEXT_LIMIT) {
        startNext(`\n\n${section.heading} (continued)`)
        first = true
      }
      current += (first ? '\n\n' : '\n') + write(line)
      first = false
    }
  }
  append(note)
  texts.push(current)
  return { body: texts[0]!, parts: texts.slice(1) }
}
