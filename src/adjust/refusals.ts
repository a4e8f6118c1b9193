/**
 * Every refusal of apply mode is decided here, from the facts each step has read: whether a
 * comment counts as a command at all, whether its author approves, whether the person named may
 * be adjusted now, whether a change in an organization may be made, whether there is a
 * reinstatement to make and for which account. The steps read GitHub and record the outcome
 * (commands.ts, approvers.ts, eligible-now.ts, person.ts, snapshot.ts, stage.ts, apply-run.ts);
 * none words or decides a refusal of its own. Each function answers the
 * reason, in the words the summary shows, or null when nothing stands in the way. Pure.
 */
import type { OrgAdjustment } from '../roster/adjust.js'
import { DAY_MS } from '../verdicts/days.js'

/** A comment: is it read as commands at all? */
export function commentRefusal(c: { edited: boolean }): string | null {
  return c.edited ? 'the comment was edited after it was written; edits count for nothing: post a new comment' : null
}

/** Words on a command line that are not logins. */
export function notLogins(bad: string[]): string {
  return `not logins: ${bad.join(', ')}`
}

/** A command written into the issue body, which anyone with write access can edit and the action rewrites. */
export const IN_THE_BODY = 'a command in the issue body counts for nothing: only comments by approvers do'

/** The comment's author as adjust.approvers sees them, by account id (approvers.ts reads the facts). */
export interface Author {
  login: string
  /** A bot's account, or the action's own: never an approver. */
  bot: boolean
  /** The account's id is among the approvers' (listed logins as first bound, and the teams' members). */
  approves: boolean
  /** The login is written in adjust.approvers. */
  listed: boolean
  /** GitHub knows an account for the listed login (it is bound). */
  bound: boolean
}

export function approverRefusal(a: Author): string | null {
  if (!a.bot && a.approves) return null
  if (a.listed && !a.bound)
    return `${a.login} is not an approver: GitHub found no account with the login listed in adjust.approvers; the command was ignored`
  return a.listed
    ? `${a.login} is not an approver: the login is listed in adjust.approvers, but it now belongs to another account than the approver's; the command was ignored`
    : `${a.login} is not an approver (adjust.approvers); the command was ignored`
}

/** The person named, as the fresh check made right then sees them. */
export interface Candidate {
  login: string
  /** The status from the fresh check: only `inactive` may be adjusted. */
  status: 'active' | 'approaching' | 'inactive' | 'exempt' | 'unknown'
  bot: boolean
  /** From the tracking issue's own records (tracking-issue/state.ts), for this account. */
  contactedOn?: string
}

/**
 * Whether an approved person may be adjusted now. Every condition must hold at apply time, on a
 * fresh check made right then; the first that fails is the reason.
 */
export function personRefusal(c: Candidate, today: string, graceDays: number, tokenAccount: string): string | null {
  if (c.login.toLowerCase() === tokenAccount.toLowerCase()) return "the token's own account is never adjusted"
  if (c.bot) return 'bots are not adjusted'
  if (c.status === 'exempt') return 'exempt (roster exemptions)'
  if (c.status === 'unknown') return 'unknown: their activity could not be fully read just now'
  if (c.status !== 'inactive') return `active again on a fresh check just now (${c.status})`
  if (!c.contactedOn) return 'not marked contacted on the tracking issue'
  const waited = (Date.parse(today) - Date.parse(c.contactedOn)) / DAY_MS
  if (waited <= graceDays) return `contacted on ${c.contactedOn}: the grace period (${graceDays} days) has not passed`
  return null
}

/** The last record for the person in one organization (the sealed store's), as a change there sees it. */
export interface LastChange {
  kind: 'adjust' | 'reinstate'
  at: string
  commentId: number
  abandoned?: string
}

/** Whether an approval may start a change in `org`, given the last record there. */
export function changeRefusal(
  org: string,
  command: { commentId: number; at: string },
  last: LastChange | undefined
): string | null {
  if (last && Date.parse(last.at) >= Date.parse(command.at))
    return `the approval (comment ${command.commentId}) is not newer than the last change in ${org}; nothing done`
  // An adjustment left not finished (resume.ts) may be started again by a newer approval.
  if (last?.kind === 'adjust' && !last.abandoned) return `already adjusted in ${org} (comment ${last.commentId})`
  return null
}

/** Whether the change the roster asks for in an organization may be made to someone holding `role` there. */
export function planRefusal(
  who: { login: string; org: string; role: 'admin' | 'member' },
  rule: Pick<OrgAdjustment, 'owners' | 'membership'>,
  owners: number
): string | null {
  const owner = who.role === 'admin'
  const losesOwner = owner && (rule.owners === 'demote' || rule.membership !== 'keep')
  if (losesOwner && owners <= 1)
    return `${who.login} is the last owner of ${who.org}: an organization must keep an owner`
  if (owner && rule.owners === 'keep' && rule.membership !== 'keep')
    return `${who.login} is an owner of ${who.org} and owners: keep; membership: ${rule.membership} would end it`
  return null
}

/** What a reinstatement found for the login named. */
export interface Reinstatement {
  /** An account holds the login now. */
  accountNow: boolean
  /** Adjustments of that account on record, to undo. */
  toUndo: number
  /** Adjustments on record under that login, of another account. */
  ofAnotherAccount: boolean
}

export function reinstateRefusal(r: Reinstatement): string | null {
  if (!r.accountNow) return 'no account holds this login now; nothing done'
  if (r.toUndo === 0 && r.ofAnotherAccount)
    return 'the login now belongs to another account than the one adjusted; nothing done (name the adjusted account by its current login)'
  if (r.toUndo === 0) return 'no adjustment on record to undo (already reinstated, or never adjusted)'
  return null
}

/** Whether a reinstatement command may undo the adjustment made in `org`. */
export function undoRefusal(
  org: string,
  command: { commentId: number; at: string },
  adjustedAt: string
): string | null {
  return Date.parse(adjustedAt) >= Date.parse(command.at)
    ? `the command (comment ${command.commentId}) is older than the adjustment in ${org}; nothing done`
    : null
}

/**
 * Whom a comment-triggered run acts for. GitHub puts the comment author's relation to the
 * repository in the event's payload as `author_association` (docs: webhook-events-and-payloads#issue_comment;
 * values: graphql/reference/enums#commentauthorassociation). A run started by anyone else is
 * ignored before it reads the store or writes anything: an outsider's comment must not cost a
 * write, nor stand in for the scheduled run. Known quirk: a member whose organization membership
 * is concealed is reported as CONTRIBUTOR or NONE, not MEMBER (github.com/actions/github-script/issues/643);
 * such an approver's command is not lost, the next scheduled run reads every comment not yet read
 * and the approver rule decides there. The association never grants anything by itself.
 */
const TRUSTED_ASSOCIATIONS: readonly string[] = ['OWNER', 'MEMBER', 'COLLABORATOR']

export function triggerRefusal(association: string | null | undefined): string | null {
  if (association && TRUSTED_ASSOCIATIONS.includes(association)) return null
  return `The comment that started this run is by an account that is not an owner, member or collaborator of the repository (author_association ${association ?? 'missing'}): ignored, nothing read or written. An approver's command in it is still read by the next scheduled run.`
}
