/**
 * Days, the unit of every rule in the policy: windows, warning bands, grace periods, invitation
 * ages. Dates are UTC; a day written `YYYY-MM-DD` is that whole UTC day.
 */

export const DAY_MS = 24 * 60 * 60 * 1000

/** `YYYY-MM-DD` of a moment (UTC). */
export function isoDay(at: Date | string): string {
  return (typeof at === 'string' ? new Date(at) : at).toISOString().slice(0, 10)
}

/** The moment `days` days before `now`. */
export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS)
}

/** Whole days from `from` to `to` (rounded down). */
export function daysBetween(from: Date | string, to: Date | string): number {
  return Math.floor((time(to) - time(from)) / DAY_MS)
}

/** Milliseconds since the epoch of a Date or an ISO date or time. */
function time(at: Date | string): number {
  return typeof at === 'string' ? Date.parse(at) : at.getTime()
}
