/**
 * One whole run, shared by the action and the command line, its stages in order:
 * roster → preflight → members → activity → verdicts → reports → tracking issue → adjustments
 * (apply mode). The callers differ only in where settings come from and where messages, the
 * summary and outputs go. The stages themselves are in run-stages.ts.
 */
import { type ActivityDeps, readActivity } from './activity/stage.js'
import { ReadOnce } from './github/read-once.js'
import type { Settings } from './inputs.js'
import type { RuledOut } from './members/access-checks.js'
import { readAudience } from './members/audience.js'
import type { Person } from './members/people.js'
import type { Preflight } from './preflight/preflight.js'
import { writeReportFiles } from './reports/files.js'
import { adjustStage, commentRun } from './adjust/apply-run.js'
import { runSummary } from './reports/summary.js'
import { judge } from './verdicts/judge.js'
import { countByStatus } from './verdicts/order.js'
import type { AuditResult } from './verdicts/result.js'
import type { RunIO, RunOutcome } from './run-io.js'
import { type RunContext, preflightStage, reportStage, startRun, trackStage } from './run-stages.js'

export type { RunIO, RunOutcome } from './run-io.js'

export type AuditDeps = Omit<ActivityDeps, 'progress'> & {
  progress?: (stage: string, done: number, total: number) => void
  /** Told who was found, once the members stage is through (the log's redaction needs it). */
  onAudience?: (people: Person[]) => void
  /** Access checks the preflight ruled out, with why. */
  ruledOut?: RuledOut
}

/** The audit itself: members → activity → verdicts. */
export async function auditMembers(deps: AuditDeps): Promise<AuditResult> {
  const { client, roster, now, log } = deps
  const reads = deps.reads ?? new ReadOnce(client)
  const progress = (done: number, total: number) => deps.progress?.('members', done, total)
  const audience = await readAudience({
    client,
    reads,
    roster,
    now,
    log,
    progress,
    ...(deps.ruledOut ? { ruledOut: deps.ruledOut } : {})
  })
  deps.onAudience?.([...audience.everyone, ...audience.checked])
  const activity = await readActivity(audience.checked, { ...deps, reads })
  return { ...judge(audience, activity, roster, now), privateRepositories: reads.privateRepositories() }
}

/**
 * One whole run: its stages in order, each a call with what it needs and what it gives. A comment
 * on the tracking issue (apply mode) takes the short way: its commands only, no audit.
 */
export async function runMemberAudit(settings: Settings, given: RunIO): Promise<RunOutcome> {
  const run = await startRun(settings, given)
  const checked = await preflightStage(run)
  const applyInput = { ...run, checked }
  if (run.apply && settings.commentOnIssue !== undefined) return commentRun(settings, run.io, applyInput)
  const result = await auditStage(run, checked)
  const reports = await reportStage(run, result)
  const tracking = await trackStage(run, result, reports.incomplete, checked)
  const applied = run.apply ? await adjustStage(settings, run.io, applyInput, result) : null
  // The run memory, read with the tracking issue, marks new members: the report says so too.
  const marked = result.verdicts.some((v) => v.newMember)
  if (applied || marked)
    await writeReportFiles(settings.outputDir, result, run.usage, reports.skipped, applied?.report ?? {})
  const summaryMarkdown = runSummary({
    result,
    usage: run.usage,
    settings,
    summaryIsPublic: run.summaryIsPublic,
    tracking,
    skipped: reports.skipped,
    rateLimitRemaining: reports.after?.remaining ?? null
  })
  return {
    counts: countByStatus(result.verdicts),
    people: result.verdicts.length,
    ...reports.files,
    summaryMarkdown: summaryMarkdown + (applied?.summary ?? ''),
    tracking,
    incomplete: reports.incomplete
  }
}

/** Members → activity → verdicts, with the run's clients, reads and progress. */
function auditStage(run: RunContext, checked: Preflight): Promise<AuditResult> {
  const { io, usage } = run
  return auditMembers({
    client: run.client,
    reads: run.reads,
    roster: run.roster,
    now: io.now(),
    log: io.log,
    usage,
    serverUrl: run.settings.serverUrl,
    restRemaining: run.before?.remaining ?? null,
    recheckPauseMs: 60_000 * (io.waitScale ?? 1),
    ruledOut: checked.ruledOut,
    onAudience: run.know,
    progress: (stage, done, total) => io.progress?.(stage, done, total, usage, run.rateLimitRemaining())
  })
}
