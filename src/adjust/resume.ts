/**
 * What an earlier run left unfinished, finished first — but an interrupted adjustment only after
 * the same fresh check a new one needs (eligible-now.ts): someone active again, exempt, unknown or
 * no longer contacted since it stopped is not adjusted further, and the record says so. A
 * reinstatement (the person's own request) and one waiting for acceptance resume without it, and
 * so does an adjustment of someone no longer a member of that organization.
 */
import { loginKey } from '../roster/roster.js'
import { abandonEntry, resumeEntry } from './entries.js'
import { type CheckedNow, checkNow } from './eligible-now.js'
import type { StageContext } from './context.js'
import type { StoredEntry } from './store.js'

export async function resumeUnfinished(ctx: StageContext): Promise<void> {
  const last = latestEntries(ctx.store.entries)
  const interrupted = last.filter(
    ({ entry }) =>
      entry.kind === 'adjust' && !entry.abandoned && (entry.done < entry.calls.length || Boolean(entry.failure))
  )
  const logins = [...new Map(interrupted.map(({ entry }) => [loginKey(entry.login), entry.login])).values()]
  const now = logins.length ? await checkNow(ctx, logins) : new Map<string, CheckedNow>()
  for (const stored of last) {
    const checked = interrupted.includes(stored) ? now.get(loginKey(stored.entry.login)) : undefined
    // No longer a member there (a removal made, its record lost with the run): what is left only
    // takes away, and each call answers "already so" (execute.ts); it is finished as it stands.
    const member = checked?.person.memberships.some((m) => loginKey(m.org) === loginKey(stored.entry.org))
    const why = member ? checked!.why : null
    const touched = why ? await abandonEntry(ctx.entryDeps, stored, why) : await resumeEntry(ctx.entryDeps, stored)
    if (touched) ctx.outcome.touched.push(touched)
  }
}

/**
 * The last record per person and organization: only it may be finished. An older record restored
 * by someone who can edit the action's comments (an authentic block, replayed) is superseded, so
 * it can never make the action repeat a change it has since undone.
 */
function latestEntries(entries: StoredEntry[]): StoredEntry[] {
  const last = new Map<string, StoredEntry>()
  for (const stored of entries) last.set(`${loginKey(stored.entry.login)} ${loginKey(stored.entry.org)}`, stored)
  return [...last.values()]
}
