/**
 * What the apply stage (stage.ts) hands the steps it calls (person.ts, resume.ts, eligible-now.ts):
 * its inputs and the state of one stage's run, below all of them.
 */
import type { ActivityDeps } from '../activity/stage.js'
import type { GitHubClient } from '../github/client.js'
import type { ReadOnce } from '../github/read-once.js'
import type { Logger } from '../logger.js'
import type { Person } from '../members/people.js'
import type { Roster } from '../roster/roster.js'
import type { Account } from '../tracking-issue/account.js'
import type { TrackingRepo } from '../tracking-issue/find.js'
import type { readRecords } from '../tracking-issue/state.js'
import type { EntryDeps } from './entries.js'
import type { ApplyOutcome } from './outcome.js'
import type { readStore } from './store.js'

export interface ApplyDeps {
  client: GitHubClient
  issueClient: GitHubClient
  /** What the run reads once with the issue token (github/read-once.ts); a new one when not given. */
  issueReads?: ReadOnce
  where: TrackingRepo
  /** The tracking issue's id (issue-id.ts). */
  id: string
  /** The issue token's account: the only author of the action's own comments. */
  account: Account
  /** The "token" input's login: never adjusted. */
  tokenAccount: string
  roster: Roster
  secret: string
  dryRun: boolean
  now: Date
  /** The clock the apply lock's expiry is read and written with. */
  clock: () => Date
  /** Scales the wait for another run's lock (tests use a small value). */
  waitScale?: number
  log: Logger
  activity: Pick<ActivityDeps, 'usage' | 'serverUrl' | 'recheckPauseMs' | 'restRemaining'>
  /** What this run's audit found, by key (empty on the comment-triggered path). */
  known: ReadonlyMap<string, Person>
  /** The run's log and summary are public. */
  logIsPublic: boolean
  /** The comment-triggered path: the issue the comment is on (null: unknown); only the tracking issue's comments act. */
  commentOnIssue?: number | null
}

export interface StageContext {
  deps: ApplyDeps
  entryDeps: EntryDeps
  store: Awaited<ReturnType<typeof readStore>>
  outcome: ApplyOutcome
  people: Map<string, Person>
  records: ReturnType<typeof readRecords>
}
