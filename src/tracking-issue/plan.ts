/**
 * The policy's contact workflow, run after run: who is to be contacted, who was contacted long
 * enough ago to be due for a privilege change, and who came back. Pure.
 */
import { DAY_MS } from '../verdicts/days.js'
import { byPriority } from '../verdicts/order.js'
import type { Verdict } from '../verdicts/classify.js'
import type { ContactRecord, ContactRecords } from './state.js'

export interface ContactLine {
  verdict: Verdict
  record: ContactRecord
}

export interface ContactPlan {
  /** Inactive people, owners first: the task list. */
  toContact: ContactLine[]
  /** Contacted more than `graceDays` ago and still inactive. */
  due: ContactLine[]
  /** Unknown people; a record is carried over when they were on the list before. */
  unknown: { verdict: Verdict; record?: ContactRecord }[]
  /**
   * Were on the list and are now active, approaching or exempt (or no longer a member); they are
   * shown for `graceDays` after their return, so a team member sees it whatever the schedule.
   */
  returned: { record: ContactRecord; verdict: Verdict | null }[]
  /** What the issue will remember. */
  records: ContactRecords
}

export function planContacts(
  previous: ContactRecords,
  verdicts: Verdict[],
  today: string,
  graceDays: number
): ContactPlan {
  const records: ContactRecords = new Map()
  const toContact: ContactLine[] = []
  const unknown: ContactPlan['unknown'] = []
  const returned: ContactPlan['returned'] = []
  const seen = new Set<string>()
  const recent = (date: string): boolean => Date.parse(today) - Date.parse(date) <= graceDays * DAY_MS
  const cameBack = (before: ContactRecord, verdict: Verdict | null): void => {
    const record: ContactRecord = { ...before, returnedOn: before.returnedOn ?? today }
    if (!recent(record.returnedOn!)) return
    records.set(record.login.toLowerCase(), record)
    returned.push({ record, verdict })
  }

  for (const verdict of [...verdicts].sort(byPriority)) {
    const key = verdict.person.key
    seen.add(key)
    const before = previous.get(key)
    // A new member (memory/memory.ts) with nothing found yet is not contacted until the period ends.
    if (verdict.status === 'inactive' && !verdict.newMember) {
      // Someone who returned and lapsed again starts over: a new flag date, not contacted yet. So
      // does another account under the same login (a rename freed it): the line was about the first.
      const id = verdict.person.id
      const sameAccount = before?.accountId === undefined || id === undefined || before.accountId === id
      const carried = before && !before.returnedOn && sameAccount ? before : undefined
      const record: ContactRecord = {
        login: verdict.person.login,
        flaggedOn: carried?.flaggedOn ?? today,
        ...(carried?.contactedOn ? { contactedOn: carried.contactedOn } : {}),
        ...(id !== undefined ? { accountId: id } : {})
      }
      records.set(key, record)
      toContact.push({ verdict, record })
    } else if (verdict.status === 'unknown') {
      // Not known to have come back: keep what the issue knew, so a tick is not lost.
      if (before) records.set(key, before)
      unknown.push({ verdict, ...(before ? { record: before } : {}) })
    } else if (before) {
      cameBack(before, verdict)
    }
  }
  for (const [key, before] of previous) if (!seen.has(key)) cameBack(before, null)

  const due = toContact.filter(
    ({ record }) => record.contactedOn && Date.parse(today) - Date.parse(record.contactedOn) > graceDays * DAY_MS
  )
  return { toContact, due, unknown, returned, records }
}
