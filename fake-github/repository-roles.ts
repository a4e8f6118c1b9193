/**
 * What the collaborators list says of an organization member on a repository: the repository's
 * own roles when the world gives them (members it does not name hold the base permission, read),
 * else write, and admin for owners. Returned as the REST permission levels
 * (pull, triage, push, maintain, admin) that the collaborators route ranks.
 */
import type { World } from './world.js'

const LEVEL: Record<string, string> = {
  read: 'pull',
  triage: 'triage',
  write: 'push',
  maintain: 'maintain',
  admin: 'admin'
}

export function memberPermission(world: World, fullName: string, login: string, orgRole: 'admin' | 'member'): string {
  if (orgRole === 'admin') return 'admin'
  const repo = world.repos.find((r) => r.fullName.toLowerCase() === fullName.toLowerCase())
  if (!repo?.roles) return 'push'
  const role = Object.entries(repo.roles).find(([l]) => l.toLowerCase() === login.toLowerCase())?.[1] ?? 'read'
  return LEVEL[role] ?? role
}
