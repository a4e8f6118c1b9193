/**
 * Checks the roster asks for that this version does not make yet. They are named in the log, the
 * summary and the JSON report, so an empty list is never read as "none found".
 */
import type { Roster } from '../roster/roster.js'

export function notChecked(roster: Roster): Record<string, string> {
  const reason = 'not checked: this version of member-audit does not read it yet'
  return {
    ...(roster.include.outsideCollaborators ? { outsideCollaborators: reason } : {}),
    ...(roster.include.pendingInvitations ? { invitations: reason } : {}),
    ...(roster.include.twoFactorDisabled ? { twoFactorDisabled: reason } : {}),
    ...(roster.teams.length ? { teams: 'not applied: this version holds team members to their organizations\' thresholds' } : {})
  }
}
