/**
 * The journal: for each person and organization, the snapshot taken and the calls planned, with
 * how many are done. It is sealed and written (sealed.ts) before the first call and again after
 * each one, so a run that fails between two calls leaves a record of exactly what was done, and
 * the next run carries on from the first call not done — never repeating one. Pure.
 */
import type { Call, Snapshot } from './snapshot.js'

export interface JournalEntry {
  kind: 'adjust' | 'reinstate'
  login: string
  /**
   * The person's account id when adjusted: a reinstatement names them by login, and a login may
   * have passed to another account since (a rename); only this account is reinstated.
   */
  accountId?: number
  org: string
  /** Who approved (or asked for the reinstatement), the comment and when it was written. */
  approvedBy: string
  commentId: number
  at: string
  snapshot: Snapshot
  calls: Call[]
  /** Calls done, from the first: calls[done] is the next. */
  done: number
  /** Reinstatement invited them again and waits until they accept. */
  waiting?: boolean
  /** GitHub's answer to the call that failed last (calls[done]), until a run makes it. */
  failure?: string
  /**
   * Why an interrupted adjustment was not finished (the fresh check before finishing it found the
   * person no longer due): the calls after `done` are never made.
   */
  abandoned?: string
}

/** The calls still to make for an entry. */
export function remaining(entry: JournalEntry): Call[] {
  return entry.calls.slice(entry.done)
}
