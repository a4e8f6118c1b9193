/**
 * What the tracking issue remembers between runs lives in the issue itself (no cache, no branch):
 * each person's line carries a hidden mark with when they were first flagged and when a team
 * member's tick was first seen ("contacted"). Spreading it over the lines keeps it small enough
 * for 65,536-character bodies, and it moves with the line into a continuation comment.
 */

/** One person on the contact list. Dates are `YYYY-MM-DD`. */
export interface ContactRecord {
  login: string
  flaggedOn: string
  contactedOn?: string
  /** When they were first seen active again; they stay in "returned" for the grace period. */
  returnedOn?: string
}

/** Keyed by lower-case login. */
export type ContactRecords = Map<string, ContactRecord>

const DATE = '\\d{4}-\\d{2}-\\d{2}'
/** `<!-- ma:alice f=2026-10-24 c=2026-11-02 r=2026-12-01 -->`; logins cannot contain `-->`. */
const LINE_MARK = new RegExp(`<!-- ma:([A-Za-z0-9-]+(?:\\[bot\\])?) f=(${DATE})(?: c=(${DATE}))?(?: r=(${DATE}))? -->`)
const TICKED = /^\s*[-*] \[[xX]\]/
const TASK = /^\s*[-*] \[[ xX]\]/

/**
 * The marker that identifies this roster's issue. The id is reduced to safe characters so that it
 * can never close the comment early.
 */
export function issueMarker(id: string): string {
  return `<!-- member-audit:tracking-issue id=${safeId(id)} -->`
}

function safeId(id: string): string {
  return id.replace(/[^A-Za-z0-9._/-]/g, '_')
}

/** The marker of continuation comment `part` (2, 3, …) of the issue `id`. */
export function partMarker(id: string, part: number): string {
  return `<!-- member-audit:part ${part} id=${safeId(id)} -->`
}

/** The mark of a continuation comment that is no longer part of the issue (kept for reuse). */
export function retiredMarker(id: string): string {
  return `<!-- member-audit:retired id=${safeId(id)} -->`
}

const PARTS_INDEX = /\n?<!-- member-audit:parts ([\d,]*) -->/

/**
 * The body names the comments that continue it, by id, so that which comments are current
 * changes with one write (the body's): a failed write can never leave half an old list and half a
 * new one. Continuation comments are written before the body names them.
 */
export function withPartsIndex(body: string, commentIds: number[]): string {
  const bare = body.replace(PARTS_INDEX, '')
  return commentIds.length ? `${bare}\n<!-- member-audit:parts ${commentIds.join(',')} -->` : bare
}

/** The comment ids the body names as its continuation, or null for a body written before the index. */
export function partsIndexOf(body: string): number[] | null {
  const m = PARTS_INDEX.exec(body)
  return m ? m[1]!.split(',').filter(Boolean).map(Number) : null
}

/** The part number a continuation comment says it is, or null. */
export function partNumberOf(id: string, body: string): number | null {
  const m = /<!-- member-audit:part (\d+) id=/.exec(body)
  return m && body.includes(partMarker(id, Number(m[1]))) ? Number(m[1]) : null
}

export function lineMark(record: ContactRecord): string {
  return `<!-- ma:${record.login} f=${record.flaggedOn}${record.contactedOn ? ` c=${record.contactedOn}` : ''}${record.returnedOn ? ` r=${record.returnedOn}` : ''} -->`
}

/**
 * Reads the records from the issue's texts (body and continuation comments). On a task line the
 * box decides "contacted": ticked → contacted (on the date first seen, `today` if new), unticked →
 * not (a team member took the tick back). Other lines keep what their mark says.
 */
export function readRecords(texts: string[], today: string): ContactRecords {
  const records: ContactRecords = new Map()
  for (const text of texts) {
    for (const line of text.split('\n')) {
      const mark = LINE_MARK.exec(line)
      if (!mark) continue
      const [, login = '', flaggedOn = '', contactedOn, returnedOn] = mark
      const record: ContactRecord = { login, flaggedOn, ...(returnedOn ? { returnedOn } : {}) }
      if (TASK.test(line)) {
        if (TICKED.test(line)) record.contactedOn = contactedOn ?? today
      } else if (contactedOn) {
        record.contactedOn = contactedOn
      }
      records.set(login.toLowerCase(), record)
    }
  }
  return records
}
