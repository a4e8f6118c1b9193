/** How evidence and verdicts read in the summary and the tracking issue alike. Pure. */
import type { Evidence } from '../activity/evidence.js'
import { daysBetween, isoDay } from '../verdicts/days.js'
import type { ExemptionStanding } from '../verdicts/exemptions.js'
import { escapeText, link } from './markdown.js'

/** "issue comment 2026-03-04": what was done, and on which day. */
function activityLabel(evidence: Evidence): string {
  return `${evidence.kind.replace(/_/g, ' ')} ${isoDay(evidence.at)}`
}

export interface ActivityTextOptions {
  /** Add which source found it: "(events)". */
  source?: boolean
  /** Add how long ago, counted to `now`: "(12 days ago)". */
  now?: Date
  /** What to say when there is no evidence. */
  none?: string
}

/** The last activity as a link to it, with its source or age when asked. */
export function activityText(evidence: Evidence | null, options: ActivityTextOptions = {}): string {
  if (!evidence) return options.none ?? 'none in the window'
  const notes = [
    ...(options.source ? [escapeText(evidence.source)] : []),
    ...(options.now ? [`${daysBetween(evidence.at, options.now)} days ago`] : [])
  ]
  return link(activityLabel(evidence), evidence.url) + (notes.length ? ` (${notes.join(', ')})` : '')
}

const STANDING_TEXT: Record<ExemptionStanding, string> = {
  valid: '',
  'expires-soon': 'expires soon',
  expired: 'expired',
  partial: 'does not cover every organization'
}

/** An exemption's standing in words ('' for a plain valid one). */
export function standingText(standing: ExemptionStanding): string {
  return STANDING_TEXT[standing]
}
