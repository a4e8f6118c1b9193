/**
 * The tracking issue's part of the summary: a link and what was done, and in a dry run the body
 * that would have been written (left out when the summary is public and the issue is not). Pure.
 */
import { link } from '../text/markdown.js'
import type { TrackOutcome } from '../tracking-issue/track.js'

const DONE = {
  created: 'created',
  updated: 'updated',
  unchanged: 'unchanged (nothing to write)',
  closed: 'closed: nobody left to contact',
  reopened: 'reopened',
  none: 'not needed: nobody to contact'
}

export function trackingSummary(outcome: TrackOutcome, summaryIsPublic: boolean): string {
  const { sync, plan, text, held } = outcome
  const where = sync.url ? link(`#${sync.number}`, sync.url) : 'no issue yet'
  const done = held ?? DONE[sync.action]
  const counts = `${plan.toContact.length} to contact, ${plan.due.length} due for a privilege change, ${plan.returned.length} returned.`
  let section = `\n### Tracking issue\n\n${where}: ${done}. ${counts}\n`
  if (held?.startsWith('dry run')) {
    // A private tracking repository's text may name concealed members: not in a public summary.
    const comments = text.parts.length ? ` (and ${text.parts.length} continuation comments)` : ''
    section +=
      summaryIsPublic && !outcome.issueIsPublic
        ? '\nThe would-be issue text is not shown: the tracking repository is private and this summary is public.\n'
        : `\n<details><summary>Issue text this run would write${comments}</summary>\n\n${text.body}\n\n</details>\n`
  }
  return section
}
