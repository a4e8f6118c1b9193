/**
 * The rendered example of what apply mode writes (docs/examples/adjustments.md and the README's
 * "Adjusting privileges and reinstating"): the comments on the tracking issue, in a private and a
 * public repository, and the summary's section — all from the code that writes them, so they
 * cannot drift. The sealed block is random on every write; the example shows its shape.
 */
import { type ApplyOutcome, adjustmentsSummary } from '../src/adjust/outcome.js'
import type { JournalEntry } from '../src/adjust/journal.js'
import { recordText } from '../src/adjust/record-text.js'
import { adjustmentPlan, restorePlan, type Snapshot } from '../src/adjust/snapshot.js'
import type { Person } from '../src/members/people.js'
import { PRIVATE_TEXT, disclosure } from '../src/text/disclosure.js'

const SNAPSHOT: Snapshot = {
  org: 'jupyter',
  login: 'alice',
  role: 'admin',
  teams: [
    { slug: 'steering', role: 'maintainer' },
    { slug: 'security', role: 'member' }
  ],
  repos: { 'infra-secrets': 'admin' },
  at: '2026-11-24T12:00:00.000Z'
}
const RULE = {
  owners: 'demote',
  teams: 'remove',
  membership: 'keep',
  alumniTeam: { org: 'jupyter', slug: 'emeritus' }
} as const
const PUBLIC_ALICE: Person = {
  login: 'alice',
  key: 'alice',
  type: 'User',
  memberships: [{ org: 'jupyter', role: 'admin', public: true }]
}
const SEALED = '<!-- member-audit:sealed v1 …base64 of salt, nonce, tag and ciphertext… -->'

function entries(): { adjusted: JournalEntry; stopped: JournalEntry; waiting: JournalEntry } {
  const plan = adjustmentPlan(SNAPSHOT, RULE, 3)
  const calls = 'calls' in plan ? plan.calls : []
  const base = {
    login: 'alice',
    org: 'jupyter',
    approvedBy: 'carreau',
    commentId: 2481,
    at: SNAPSHOT.at,
    snapshot: SNAPSHOT
  }
  const adjusted: JournalEntry = { ...base, kind: 'adjust', calls, done: calls.length }
  const stopped: JournalEntry = { ...adjusted, done: 2, failure: 'Validation Failed (422)' }
  const invite = restorePlan({ ...SNAPSHOT, org: 'jupyterhub' }, 'none', { teams: [], repos: {} })
  const waiting: JournalEntry = {
    ...base,
    org: 'jupyterhub',
    kind: 'reinstate',
    commentId: 2630,
    at: '2027-01-10T09:30:00.000Z',
    calls: invite.calls,
    done: invite.calls.length,
    waiting: true
  }
  return { adjusted, stopped, waiting }
}

const block = (title: string, text: string): string => `#### ${title}\n\n\`\`\`markdown\n${text}\n\`\`\`\n`

/** The example, as Markdown. */
export function renderAdjustmentSamples(): string {
  const { adjusted, stopped, waiting } = entries()
  const privateView = { public: false, named: true }
  // A public issue adjusts public memberships only (a concealed one's record would sit beside them).
  const publicView = { public: true, named: true }
  const outcome = (named: boolean): ApplyOutcome => ({
    touched: [{ entry: adjusted, state: 'done', made: adjusted.calls, named }],
    refused: [
      {
        commentId: 2477,
        by: 'mallory',
        reason: 'mallory is not an approver (adjust.approvers); the command was ignored'
      }
    ],
    notHere: [],
    deferred: [],
    dryRun: false,
    skipped: null
  })
  const withSeal = (text: string): string => `${text}\n\n${SEALED}`
  return [
    block('The record of an adjustment, in a private tracking repository', withSeal(recordText(adjusted, privateView))),
    block(
      'The same record in a public tracking repository (a public membership: no team or repository named)',
      withSeal(recordText(adjusted, publicView))
    ),
    block('A change that failed half-way (the next run finishes it)', withSeal(recordText(stopped, privateView))),
    block('A reinstatement waiting for acceptance', withSeal(recordText(waiting, privateView))),
    block("The job summary's section (private)", adjustmentsSummary(outcome(true), PRIVATE_TEXT).trim()),
    block(
      'The same section in a public summary',
      adjustmentsSummary(outcome(true), disclosure(true, [PUBLIC_ALICE])).trim()
    )
  ].join('\n')
}
