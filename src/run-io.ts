/**
 * What a run is given and what it gives back, shared by the run (run.ts) and apply mode's part of
 * it (adjust/apply-run.ts), below both so that neither imports the other for them.
 */
import type { ApiUsage } from './github/client.js'
import type { Logger } from './logger.js'
import type { TrackOutcome } from './tracking-issue/track.js'
import type { Status } from './verdicts/classify.js'

export interface RunIO {
  log: Logger
  now: () => Date
  /** Scales retry and rate-limit waits and request spacing (tests use a small value). */
  waitScale?: number
  /** Told how far each stage has come, with the requests made and the REST quota left. */
  progress?: (stage: string, done: number, total: number, usage: ApiUsage, rateLimitRemaining: number | null) => void
  /** Told what the run is about to write to GitHub, before it writes. */
  announce?: (message: string) => void
}

export interface RunOutcome {
  counts: Record<Status, number>
  people: number
  reportPath: string
  csvPath: string
  summaryMarkdown: string
  tracking: TrackOutcome | null
  /** Why the run is incomplete (too many unknown), or null. */
  incomplete: string | null
}
