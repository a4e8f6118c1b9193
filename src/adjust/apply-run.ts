/**
 * apply mode's part of a run (src/run.ts): the apply stage after the tracking issue, with its
 * summary section and report keys; and the comment-triggered run, which audits no one and only
 * reads and carries out commands.
 */
import type { ApiUsage, GitHubClient } from '../github/client.js'
import type { ReadOnce } from '../github/read-once.js'
import type { Settings } from '../inputs.js'
import type { Preflight } from '../preflight/preflight.js'
import { writeApplyReport } from '../reports/files.js'
import type { Roster } from '../roster/roster.js'
import type { RunIO, RunOutcome } from '../run-io.js'
import { PRIVATE_TEXT, disclosure, disclosurePeople } from '../text/disclosure.js'
import type { TrackingRepo } from '../tracking-issue/find.js'
import { trackingIssueId } from '../tracking-issue/issue-id.js'
import type { AuditResult } from '../verdicts/result.js'
import { nothingApplied, adjustmentsReport, adjustmentsSummary } from './outcome.js'
import { triggerRefusal } from './refusals.js'
import { adjustApproved } from './stage.js'

/** The comment-triggered apply run: no audit, no tracking-issue rewrite; commands only. */
export async function commentRun(settings: Settings, io: RunIO, input: ApplyInput): Promise<RunOutcome> {
  const untrusted = triggerRefusal(settings.commentAuthorAssociation)
  if (untrusted) io.log.info(untrusted)
  const ignored = untrusted ? nothingApplied(settings.dryRun, untrusted) : null
  const applied = ignored
    ? { summary: adjustmentsSummary(ignored, PRIVATE_TEXT), report: adjustmentsReport(ignored, input.summaryIsPublic) }
    : await adjustStage(settings, io, input, null)
  const files = await writeApplyReport(settings.outputDir, io.now(), { event: 'issue_comment', ...applied.report })
  const counts = { active: 0, approaching: 0, inactive: 0, exempt: 0, unknown: 0 }
  return { counts, people: 0, ...files, summaryMarkdown: applied.summary, tracking: null, incomplete: null }
}

/** The apply stage (src/adjust/stage.ts) after the tracking issue: its summary section and report keys. */
export async function adjustStage(
  settings: Settings,
  io: RunIO,
  input: ApplyInput,
  result: AuditResult | null
): Promise<{ summary: string; report: Record<string, unknown> }> {
  const { where, checked } = input
  const account = checked.issueAccount
  if (!where || !account) {
    const outcome = nothingApplied(settings.dryRun, 'No tracking repository: no commands to read, nothing applied.')
    return {
      summary: adjustmentsSummary(outcome, PRIVATE_TEXT),
      report: adjustmentsReport(outcome, input.summaryIsPublic)
    }
  }
  const known = new Map((result?.verdicts ?? []).map((v) => [v.person.key, v.person]))
  const outcome = await adjustApproved({
    client: input.client,
    issueClient: input.issueClient,
    issueReads: input.issueReads,
    where,
    id: trackingIssueId(input.roster.trackingIssue.id, settings.rosterPath, settings.workspace),
    account,
    tokenAccount: checked.token.account.login,
    roster: input.roster,
    secret: settings.snapshotKey ?? '',
    dryRun: settings.dryRun,
    now: io.now(),
    clock: io.now,
    ...(io.waitScale !== undefined ? { waitScale: io.waitScale } : {}),
    log: io.log,
    activity: { usage: input.usage, serverUrl: settings.serverUrl, recheckPauseMs: 60_000 * (io.waitScale ?? 1) },
    known,
    logIsPublic: input.summaryIsPublic,
    ...(settings.commentOnIssue !== undefined ? { commentOnIssue: settings.commentOnIssue } : {})
  })
  const rule = disclosure(input.summaryIsPublic, [...(result ? disclosurePeople(result) : []), ...outcome.people])
  return { summary: adjustmentsSummary(outcome, rule), report: adjustmentsReport(outcome, input.summaryIsPublic) }
}

export interface ApplyInput {
  client: GitHubClient
  issueClient: GitHubClient
  /** What the run reads once with the issue token. */
  issueReads: ReadOnce
  where: TrackingRepo | null
  roster: Roster
  checked: Preflight
  summaryIsPublic: boolean
  usage: ApiUsage
}
