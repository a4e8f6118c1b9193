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
  /** The account flagged (its id): the line is about that account, whoever holds the login later. */
  accountId?: number
  contactedOn?: string
  /** When they were first seen active again; they stay in "returned" for the grace period. */
  returnedOn?: string
}

/** Keyed by lower-case login. */
export type ContactRecords = Map<string, ContactRecord>

const DATE = '\\d{4}-\\d{2}-\\d{2}'
/** `<!-- ma:alice f=2026-10-24 c=2026-11-02 r=2026-12-01 -->`; logins cannot contain `-->`. */
const LINE_MARK = new RegExp(
  `<!-- ma:([A-Za-z0-9-]+(?:\\[bot\\])?) f=(${DATE})(?: c=(${DATE}))?(?: r=(${DATE}))?(?: i=(\\d+))? -->`
)
const TICKED = /^\s*[-*] \[[xX]\]/
const TASK = /^\s*[-*] \[[ xX]\]/

export function lineMark(record: ContactRecord): string {
  const contacted = record.contactedOn ? ` c=${record.contactedOn}` : ''
  const returned = record.returnedOn ? ` r=${record.returnedOn}` : ''
  const account = record.accountId !== undefined ? ` i=${record.accountId}` : ''
  return `<!-- ma:${record.login} f=${record.flaggedOn}${contacted}${returned}${account} -->`
}

/**
 * Reads the records from the texts (body and continuation comments). On a task line the
 * box decides "contacted": ticked → contacted (on the date first seen, `today` if new), unticked →
 * not (a team member took the tick back). Other lines keep what their mark says.
 */
export function readRecords(texts: string[], today: string): ContactRecords {
  const records: ContactRecords = new Map()
  for (const text of texts) {
    for (const line of text.split('\n')) {
      const mark = LINE_MARK.exec(line)
      if (!mark) continue
      const [, login = '', flaggedOn = '', contactedOn, returnedOn, accountId] = mark
      const record: ContactRecord = {
        login,
        flaggedOn,
        ...(returnedOn ? { returnedOn } : {}),
        ...(accountId ? { accountId: Number(accountId) } : {})
      }
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
