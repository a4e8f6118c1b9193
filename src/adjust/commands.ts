/**
 * Commands on the tracking issue: `/member-audit approve LOGIN…` and `/member-audit reinstate
 * LOGIN…`, one per line, in a comment. Pure. What counts:
 * - only comments (never the issue body, which anyone with write access can edit, and which the
 *   action writes itself), and only a line of a paragraph's own text that starts with the command,
 *   the comment read as GitHub-flavoured Markdown (command-text.ts): never code, HTML, quotes,
 *   lists, or link and image text, so that an example, a hidden comment, a quoted approval, or the
 *   action's own text that names one, never approves anything;
 * - each comment once, by its id; a comment edited after it was written (`updated_at` later than
 *   `created_at`) counts for nothing: GitHub lets people with write access edit others' comments,
 *   and an edit must not re-trigger or change an approval. The time of a command is the comment's
 *   `created_at` (docs: issues/comments#list-issue-comments).
 */
import { paragraphLines } from './command-text.js'
import { LOGIN_PATTERN } from '../roster/schema.js'
import { commentRefusal, notLogins } from './refusals.js'

export type Verb = 'approve' | 'reinstate'

export interface IssueComment {
  id: number
  body: string
  /** The author's current login and account id (the id never changes; a login may pass to another account). */
  user: { login: string; id?: number; type?: string } | null
  created_at: string
  updated_at?: string
}

export interface Command {
  verb: Verb
  logins: string[]
  commentId: number
  /** The comment's author, by login (for messages). */
  by: string
  /** The author's account id: what the approver rule compares (approvers.ts); null when GitHub sent none. */
  byId: number | null
  /** The comment's `created_at`. */
  at: string
}

export interface Refusal {
  commentId: number
  by: string
  reason: string
}

const COMMAND = /^\/member-audit\s+(approve|reinstate)\b(.*)$/
const LOGIN = new RegExp(LOGIN_PATTERN)

/**
 * Whether a text holds a line that starts with a command, wherever it stands (code, HTML, a
 * list…). Only to report a command written where none counts (the issue body): a forgery hidden
 * from readers is reported all the same.
 */
export function mentionsCommand(text: string): boolean {
  return /^[ \t>]*\/member-audit\s+(approve|reinstate)\b/m.test(text)
}

/** The commands in one comment's text: the lines of its paragraphs that start with one. */
export function commandLines(body: string): { verb: Verb; logins: string[]; bad: string[] }[] {
  const found: { verb: Verb; logins: string[]; bad: string[] }[] = []
  for (const line of paragraphLines(body)) {
    const m = COMMAND.exec(line.trim())
    if (!m) continue
    const words = m[2]!
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((w) => w.replace(/^@/, ''))
    found.push({
      verb: m[1] as Verb,
      logins: words.filter((w) => LOGIN.test(w)),
      bad: words.filter((w) => !LOGIN.test(w))
    })
  }
  return found
}

/**
 * The commands of comments not seen before, with a refusal for each one that cannot count. The
 * approver rule is asked separately (it needs GitHub for teams): see approvers.ts.
 */
export function readCommands(
  comments: IssueComment[],
  seen: ReadonlySet<number>,
  actionAccount: string
): { commands: Command[]; refused: Refusal[] } {
  const commands: Command[] = []
  const refused: Refusal[] = []
  for (const c of comments) {
    if (seen.has(c.id) || !c.user) continue
    const lines = commandLines(c.body)
    if (lines.length === 0) continue
    const by = c.user.login
    const refuse = (reason: string): void => void refused.push({ commentId: c.id, by, reason })
    if (by.toLowerCase() === actionAccount.toLowerCase()) continue // the action's own text is never a command
    const edited = commentRefusal({
      edited: Boolean(c.updated_at) && Date.parse(c.updated_at!) > Date.parse(c.created_at)
    })
    if (edited) {
      refuse(edited)
      continue
    }
    for (const line of lines) {
      if (line.bad.length) refuse(notLogins(line.bad))
      if (line.logins.length)
        commands.push({
          verb: line.verb,
          logins: line.logins,
          commentId: c.id,
          by,
          byId: c.user.id ?? null,
          at: c.created_at
        })
    }
  }
  return { commands, refused }
}
