/**
 * Where the run memory lives: comments the action's own account writes on the tracking issue,
 * each a line of visible text saying what it is and a sealed block (adjust/sealed.ts: AES-256-GCM,
 * key by scrypt from `snapshot-key`, bound to the tracking issue's id) holding one part of it. In a
 * public tracking repository the public sees only ciphertext. Not actions/cache: GitHub evicts
 * cache entries not accessed in 7 days, and a monthly schedule would lose it every time; not an
 * artifact: a public repository's artifacts are public and expire. A GitHub comment holds at most
 * 65,536 characters, so a large memory is cut into parts of PART_ENTRIES memberships (about 35 of
 * base64 each, well under layout.ts TEXT_LIMIT).
 */
import type { GitHubClient } from '../github/client.js'
import { SealError, seal, unseal } from '../adjust/sealed.js'
import type { OwnComment, TrackingRepo } from '../tracking-issue/find.js'
import type { RunMemory } from './memory.js'

const PART_ENTRIES = 1_000

const marker = (id: string): string => `<!-- member-audit:run-memory id=${id.replace(/[^A-Za-z0-9._/-]/g, '_')} -->`
const VISIBLE =
  "The member-audit action's run memory: when it first saw each member, sealed with the snapshot-key (only ciphertext is stored here). Do not edit it; deleting it makes the next run a first run."

interface Part {
  part: number
  of: number
  started: string
  firstSeen: RunMemory['firstSeen']
}

export interface MemoryRead {
  /** The memory, or null: none kept yet, or lost. */
  memory: RunMemory | null
  /** The memory's comments by part number (1, 2, …): written again in place. */
  comments: Map<number, number>
  /** Set when a memory is there but does not open: it is then not overwritten. */
  unreadable: boolean
}

/** The memory in the action's own comments (`own`), put together from its parts. */
export function readMemory(secret: string, id: string, own: OwnComment[]): MemoryRead {
  const comments = new Map<number, number>()
  const parts = new Map<number, Part>()
  for (const c of own) {
    if (!c.body.includes(marker(id))) continue
    let part: Part | null
    try {
      part = unseal(secret, id, c.body) as Part | null
    } catch (error) {
      if (error instanceof SealError) return { memory: null, comments, unreadable: true }
      throw error
    }
    if (!part || comments.has(part.part)) continue
    comments.set(part.part, c.id)
    parts.set(part.part, part)
  }
  const first = parts.get(1)
  if (!first) return { memory: null, comments, unreadable: false }
  const memory: RunMemory = { version: 1, started: first.started, firstSeen: {} }
  for (let n = 1; n <= first.of; n++) {
    const part = parts.get(n)
    // A part missing (deleted) or left from another write: the memory is lost, not half read.
    if (!part || part.of !== first.of || part.started !== first.started)
      return { memory: null, comments, unreadable: false }
    for (const [org, seen] of Object.entries(part.firstSeen)) Object.assign((memory.firstSeen[org] ??= {}), seen)
  }
  return { memory, comments, unreadable: false }
}

/** The memory cut into parts of at most PART_ENTRIES memberships each. */
export function memoryParts(memory: RunMemory): Part[] {
  const chunks: RunMemory['firstSeen'][] = [{}]
  let count = 0
  for (const [org, seen] of Object.entries(memory.firstSeen)) {
    for (const [who, day] of Object.entries(seen)) {
      if (count === PART_ENTRIES) {
        chunks.push({})
        count = 0
      }
      const chunk = chunks[chunks.length - 1]!
      ;(chunk[org] ??= {})[who] = day
      count++
    }
  }
  return chunks.map((firstSeen, i) => ({ part: i + 1, of: chunks.length, started: memory.started, firstSeen }))
}

/** One part's comment text: what it is, in words, and the sealed part. */
export function memoryBody(secret: string, id: string, part: Part): string {
  return `${marker(id)}\n${VISIBLE}\n\n${seal(secret, id, part)}`
}

export interface MemoryAt {
  client: GitHubClient
  where: TrackingRepo
  issueNumber: number
  secret: string
  id: string
}

/** Writes every part: edits of the comments it had (an edit notifies nobody), new comments for the rest. */
export async function writeMemory(at: MemoryAt, memory: RunMemory, comments: Map<number, number>): Promise<void> {
  for (const part of memoryParts(memory)) {
    const body = memoryBody(at.secret, at.id, part)
    const commentId = comments.get(part.part)
    if (commentId !== undefined) {
      await at.client.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
        ...at.where,
        comment_id: commentId,
        body
      })
    } else {
      await at.client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        ...at.where,
        issue_number: at.issueNumber,
        body
      })
    }
  }
}
