/**
 * Where the journal lives: comments the action's own account writes on the tracking issue, one
 * per person and organization changed (its visible text says what was done; a sealed block,
 * sealed.ts, holds the snapshot and the calls), and one ledger of the comments already read as
 * commands. Only the action's account's comments are read (find.ts says why); anyone else's
 * look-alike is a comment like any other. Someone with write access can edit or delete the
 * action's comments: a sealed block cannot be forged or moved to another issue, and a deleted one
 * is a lost store (README, "If the key or the store is lost").
 */
import type { GitHubClient } from '../github/client.js'
import { type Account, isAccount } from '../tracking-issue/account.js'
import type { TrackingRepo } from '../tracking-issue/find.js'
import type { ApproverBindings } from './approvers.js'
import type { IssueComment } from './commands.js'
import type { JournalEntry } from './journal.js'
import { seal, unseal } from './sealed.js'

export interface StoredEntry {
  /** The comment that holds it; null until it is first written. */
  commentId: number | null
  entry: JournalEntry
}

export interface Store {
  comments: IssueComment[]
  entries: StoredEntry[]
  ledger: Ledger
}

/** The comments already read as commands, and the approvers' accounts (approvers.ts). */
export interface Ledger {
  commentId: number | null
  seen: Set<number>
  approvers: ApproverBindings
}

export interface StoreAt {
  client: GitHubClient
  where: TrackingRepo
  issueNumber: number
  account: Account
  /** The snapshot key. */
  secret: string
  /** The tracking issue's id: sealed blocks are bound to it. */
  id: string
}

const safe = (id: string): string => id.replace(/[^A-Za-z0-9._/-]/g, '_')
const entryMarker = (id: string): string => `<!-- member-audit:adjustment id=${safe(id)} -->`
const ledgerMarker = (id: string): string => `<!-- member-audit:commands-read id=${safe(id)} -->`

export async function readStore(at: StoreAt): Promise<Store> {
  const comments = (await at.client.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    ...at.where,
    issue_number: at.issueNumber,
    per_page: 100
  })) as IssueComment[]
  const store: Store = { comments, entries: [], ledger: { commentId: null, seen: new Set(), approvers: {} } }
  for (const c of comments) {
    if (!isAccount(c.user, at.account)) continue
    if (c.body.includes(entryMarker(at.id))) {
      const entry = unseal(at.secret, at.id, c.body) as JournalEntry | null
      if (entry) store.entries.push({ commentId: c.id, entry })
    } else if (c.body.includes(ledgerMarker(at.id)) && store.ledger.commentId === null) {
      // Written before approvers were bound to accounts: a plain list of comment ids.
      const kept = unseal(at.secret, at.id, c.body) as number[] | { seen: number[]; approvers: ApproverBindings } | null
      const { seen, approvers } = Array.isArray(kept) || !kept ? { seen: kept ?? [], approvers: {} } : kept
      store.ledger = { commentId: c.id, seen: new Set(seen), approvers }
    }
  }
  return store
}

/** Writes a comment of the store: a new one, or the same one again. Returns its id. */
async function writeComment(at: StoreAt, commentId: number | null, body: string): Promise<number> {
  if (commentId !== null) {
    await at.client.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
      ...at.where,
      comment_id: commentId,
      body
    })
    return commentId
  }
  const { data } = await at.client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    ...at.where,
    issue_number: at.issueNumber,
    body
  })
  return Number(data.id)
}

/** Seals and writes an entry with its visible text. */
export async function writeEntry(at: StoreAt, stored: StoredEntry, visible: string): Promise<void> {
  const body = `${entryMarker(at.id)}\n${visible}\n\n${seal(at.secret, at.id, stored.entry)}`
  stored.commentId = await writeComment(at, stored.commentId, body)
}

/** Records the comments read as commands, so that each counts once, and the approvers' accounts. */
export async function writeLedger(at: StoreAt, ledger: Ledger): Promise<void> {
  const visible =
    'The member-audit action keeps here which comments it has read as commands (each counts once) and which accounts the approvers are. Do not edit or delete it.'
  const kept = { seen: [...ledger.seen].sort((a, b) => a - b), approvers: ledger.approvers }
  const body = `${ledgerMarker(at.id)}\n${visible}\n\n${seal(at.secret, at.id, kept)}`
  ledger.commentId = await writeComment(at, ledger.commentId, body)
}
