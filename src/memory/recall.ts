/**
 * The run memory's part of a run (track.ts calls it): read it from the tracking issue, mark the
 * new members, and after the issue is written keep what this run saw. Without a snapshot-key, with
 * another key, or with the memory lost, the run is a full run as before the memory existed: nobody
 * is new, and one line says why.
 */
import type { Roster } from '../roster/roster.js'
import type { ExistingIssue } from '../tracking-issue/find.js'
import type { AuditResult } from '../verdicts/result.js'
import { type RunMemory, markNewMembers, remember, sameMemory } from './memory.js'
import { type MemoryAt, readMemory, writeMemory } from './store.js'

export interface Recalled {
  /** The memory as this run leaves it, or null when none is kept (no key, or one that does not open). */
  next: RunMemory | null
  /** Whether it differs from what was read: only then is it written. */
  changed: boolean
  comments: Map<number, number>
  /** The one line for the log and the summary, or null when the memory was read. */
  notice: string | null
  /** How many inactive members are new. */
  newMembers: number
}

const NO_KEY =
  'Run memory: none is kept without a snapshot-key, so new members cannot be told apart; everyone was audited as a full run (README, "Run memory and new members").'
const WRONG_KEY =
  'Run memory: the sealed memory on the tracking issue does not open with this snapshot-key (another key, or altered); a full run, nobody counted as new, and the memory is left as it was.'
const FIRST =
  'Run memory: none was found on the tracking issue (a first run, or it was deleted); everyone found now counts as a member from before today, and members who join from now on are new for new-member-days.'

/** Reads the memory and marks the new members among `result`'s verdicts. */
export function recall(
  secret: string | undefined,
  id: string,
  existing: ExistingIssue | null,
  result: AuditResult,
  roster: Roster,
  today: string
): Recalled {
  const empty = { comments: new Map<number, number>(), newMembers: 0 }
  if (!secret) return { ...empty, next: null, changed: false, notice: NO_KEY }
  const read = readMemory(secret, id, existing?.byAccount ?? [])
  if (read.unreadable) return { ...empty, next: null, changed: false, notice: WRONG_KEY }
  const people = [...result.verdicts.map((v) => v.person), ...result.skippedBots]
  const next = remember(read.memory, people, today)
  const newMembers = read.memory ? markNewMembers(next, result.verdicts, roster, today) : 0
  const changed = !read.memory || !sameMemory(read.memory, next)
  return { next, changed, comments: read.comments, notice: read.memory ? null : FIRST, newMembers }
}

/** Writes the memory when it changed: edits of its own comments, which notify nobody. */
export async function keepMemory(at: MemoryAt, recalled: Recalled): Promise<void> {
  if (recalled.next && recalled.changed) await writeMemory(at, recalled.next, recalled.comments)
}
