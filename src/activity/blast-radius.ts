/**
 * Who could have acted in a repository, so that what cannot be read there makes unknown only them.
 * Pure.
 *
 * The rule. GitHub lets only people with a role do these acts
 * (docs.github.com/en/organizations/managing-user-access-to-your-organizations-repositories/managing-repository-roles/repository-roles-for-an-organization#permissions-for-each-role):
 * applying labels, assigning, closing others' issues, milestones, marking duplicates need triage;
 * pushing to the repository's branches (forced or not, creating and deleting them) and merging
 * need write. An issue's or pull request's author may also close, reopen and retitle it and push
 * its head branch. A pull request from a fork is different: its head branch lives in the fork, and
 * whoever can push there can force-push it with no role here. So:
 * - a timeline that cannot be read concerns its author and whoever holds triage or more there now,
 *   and everyone for a pull request from a fork;
 * - pushes that cannot be read concern whoever holds write or more there now;
 * - a repository's item list that cannot be read concerns everyone (anyone may open an issue in a
 *   public repository and close it themselves);
 * - when the roles cannot be read (the list needs write access), everyone.
 * A custom role, whose grants the list does not spell out, counts as admin.
 *
 * Why it cannot turn an active person inactive: someone outside the radius holds no role that
 * lets them do the acts that were not read, so the unread part cannot hold an act of theirs.
 * The roles are today's: someone whose role was lowered after acting inside the window is the
 * one case this rule cannot see; GitHub keeps no history of roles outside the Enterprise audit log.
 */
import { ROLE_LEVEL, type RepositoryRoles } from '../github/repository-roles.js'

export type Need = 'triage' | 'write'

/** Whom a failure concerns: some lower-case logins, or everyone still left. */
export type Radius = Set<string> | 'everyone'

/** Whether `login` could have done an act needing `need`; unknown roles: yes. */
export function couldAct(roles: RepositoryRoles | null, login: string, need: Need, author?: string | null): boolean {
  if (!roles) return true
  if (author && author.toLowerCase() === login.toLowerCase()) return true
  return (roles.get(login.toLowerCase()) ?? ROLE_LEVEL.read) >= ROLE_LEVEL[need]
}

/** The radius of a failure among `left` (lower-case logins still unsettled). */
export function radiusOf(roles: RepositoryRoles | null, left: string[], need: Need, author?: string | null): Radius {
  if (!roles) return 'everyone'
  return new Set(left.filter((login) => couldAct(roles, login, need, author)))
}

export function within(radius: Radius, login: string): boolean {
  return radius === 'everyone' || radius.has(login.toLowerCase())
}
