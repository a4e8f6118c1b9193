/**
 * Carrying out one journal entry, and finishing the ones an earlier run left: the entry is
 * written (sealed, with its snapshot) before its first call, and again after each call, so a
 * failure leaves a record of exactly what was done, and the next run starts at the first call not
 * done. A run that dies between a call and its record makes that call once more on the next run;
 * every call is a PUT or DELETE that sets a state (docs: orgs/members, teams/members,
 * collaborators/collaborators), so making it again changes nothing. A reinstatement that invited
 * someone waits, run after run, until they accept; then their teams and permissions are planned
 * from the snapshot against what they hold at that moment, and made.
 */
import type { GitHubClient } from '../github/client.js'
import type { Logger } from '../logger.js'
import { execute } from './execute.js'
import type { JournalEntry } from './journal.js'
import type { EntryState, Touched } from './outcome.js'
import type { PrivilegeReader } from './privileges.js'
import { type RecordView, recordText } from './record-text.js'
import { restorePlan } from './snapshot.js'
import { type StoreAt, type StoredEntry, writeEntry } from './store.js'

export interface EntryDeps {
  client: GitHubClient
  at: StoreAt
  reader: PrivilegeReader
  dryRun: boolean
  log: Logger
  issueIsPublic: boolean
  /** The log is public (a public repository's run): it names only whom a public text may. */
  logIsPublic: boolean
  /** Whether a public text may name `login` with `org`. */
  named: (login: string, org: string) => boolean
  /** The alumni team's slug in `org`, if the roster has one there. */
  alumniSlug: (org: string) => string | undefined
  /** Called before each entry's first write: renews the apply lock (lock.ts), or throws when it is lost. */
  beforeChange?: () => Promise<void>
}

function view(deps: EntryDeps, entry: JournalEntry): RecordView {
  return { public: deps.issueIsPublic, named: deps.named(entry.login, entry.org) }
}

function logName(entry: JournalEntry): string {
  return `[${entry.login}] ${entry.org}`
}

/**
 * A public log says nothing of a concealed membership's change: a line "[someone not named]"
 * right beside "[bob] acme", both from one approval, would tie bob to it. The JSON report has it.
 */
function logs(deps: EntryDeps, entry: JournalEntry): boolean {
  return !deps.logIsPublic || deps.named(entry.login, entry.org)
}

function stateOf(entry: JournalEntry, dryRun: boolean): EntryState {
  if (dryRun) return 'planned'
  if (entry.failure) return 'failed'
  return entry.waiting ? 'waiting' : 'done'
}

/** Records the entry, makes its remaining calls, records the outcome. */
export async function runEntry(deps: EntryDeps, stored: StoredEntry): Promise<Touched> {
  const { entry } = stored
  const touched = (made: Touched['made']): Touched => ({
    entry,
    state: stateOf(entry, deps.dryRun),
    made,
    named: deps.named(entry.login, entry.org)
  })
  if (deps.dryRun) return touched((await execute(deps.client, entry, async () => {}, true)).made)
  const record = (): Promise<void> => writeEntry(deps.at, stored, recordText(entry, view(deps, entry)))
  await deps.beforeChange?.()
  delete entry.failure
  await record() // the record (and snapshot) before the change
  const outcome = await execute(deps.client, entry, record)
  if (outcome.failed) {
    entry.failure = outcome.failed.error
    await record()
    if (logs(deps, entry))
      deps.log.warning(
        `${logName(entry)}: a change failed after ${entry.done} of ${entry.calls.length}; the next run finishes it.`
      )
  } else if (logs(deps, entry)) {
    deps.log.info(
      `${logName(entry)}: ${entry.kind === 'adjust' ? 'adjusted' : 'reinstatement'}: ${outcome.made.length} changes made.`
    )
  }
  return touched(outcome.made)
}

/**
 * An entry an earlier run did not finish: its remaining calls; or, for a reinstatement waiting
 * for acceptance, nothing until they are a member again, then their teams and permissions.
 */
export async function resumeEntry(deps: EntryDeps, stored: StoredEntry): Promise<Touched | null> {
  const { entry } = stored
  if (entry.abandoned) return null
  if (entry.waiting) {
    const now = await deps.reader.standing(entry.org, entry.login)
    if (now.standing !== 'active') {
      if (logs(deps, entry)) deps.log.info(`${logName(entry)}: reinstatement waiting for acceptance of the invitation.`)
      return { entry, state: 'waiting', made: [], named: deps.named(entry.login, entry.org) }
    }
    const plan = restorePlan(entry.snapshot, 'active', await heldNow(deps, entry), deps.alumniSlug(entry.org))
    if (deps.dryRun) return { entry, state: 'planned', made: plan.calls, named: deps.named(entry.login, entry.org) }
    entry.calls = [...entry.calls.slice(0, entry.done), ...plan.calls]
    entry.waiting = false
  }
  if (entry.done >= entry.calls.length && !entry.failure) return null
  return runEntry(deps, stored)
}

/**
 * An interrupted adjustment whose person is no longer due on the fresh check made before finishing
 * it: recorded as not finished, and never resumed. What was done stays done (a reinstatement
 * restores the snapshot as for any adjustment).
 */
export async function abandonEntry(deps: EntryDeps, stored: StoredEntry, why: string): Promise<Touched> {
  const { entry } = stored
  entry.abandoned = why
  delete entry.failure
  if (!deps.dryRun) await deps.beforeChange?.()
  if (!deps.dryRun) await writeEntry(deps.at, stored, recordText(entry, view(deps, entry)))
  if (logs(deps, entry)) deps.log.info(`${logName(entry)}: an interrupted adjustment was not finished: ${why}.`)
  return { entry, state: 'abandoned', made: [], named: deps.named(entry.login, entry.org) }
}

/** What the person holds now, as restorePlan compares it with the snapshot. */
export async function heldNow(
  deps: Pick<EntryDeps, 'reader'>,
  entry: Pick<JournalEntry, 'org' | 'login'>
): Promise<Parameters<typeof restorePlan>[2]> {
  const held = await deps.reader.read(entry.org, entry.login)
  return { ...(held.role ? { role: held.role } : {}), teams: held.teams.map((t) => t.slug), repos: held.repos }
}
