/**
 * Whether an approved person may be adjusted now. Every condition of the issue must hold at apply
 * time, on a fresh check made right then (the caller re-reads their activity first); the first that
 * fails is the reason given in the refusal. Pure.
 */
import { DAY_MS } from '../verdicts/days.js'

export interface Candidate {
  login: string
  /** The status from the fresh check: only `inactive` may be adjusted. */
  status: 'active' | 'approaching' | 'inactive' | 'exempt' | 'unknown'
  bot: boolean
  /** From the tracking issue's own records (tracking-issue/state.ts). */
  contactedOn?: string
}

export function ineligibility(c: Candidate, today: string, graceDays: number, tokenAccount: string): string | null {
  if (c.login.toLowerCase() === tokenAccount.toLowerCase()) return "the token's own account is never adjusted"
  if (c.bot) return 'bots are not adjusted'
  if (c.status === 'exempt') return 'exempt (roster exemptions)'
  if (c.status === 'unknown') return 'unknown: their activity could not be fully read just now'
  if (c.status !== 'inactive') return `active again on a fresh check just now (${c.status})`
  if (!c.contactedOn) return 'not marked contacted on the tracking issue'
  const waited = (Date.parse(today) - Date.parse(c.contactedOn)) / DAY_MS
  if (waited <= graceDays) return `contacted on ${c.contactedOn}: the grace period (${graceDays} days) has not passed`
  return null
}
