/**
 * The tracking issue's identity: stable across runs, the same from the command line and from
 * Actions, and never a machine path (the marker is public). Either the roster's own
 * `tracking-issue.id`, or the roster's path relative to the repository it lives in (the nearest
 * folder with `.git`, which is the workspace in Actions), else relative to the workspace, else
 * its file name.
 */
import { existsSync } from 'node:fs'
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path'

export function trackingIssueId(rosterId: string | undefined, rosterPath: string, workspace: string): string {
  if (rosterId) return rosterId
  const root = repositoryRoot(dirname(rosterPath))
  for (const base of [root, workspace]) {
    if (!base) continue
    const path = relative(base, rosterPath)
    if (path && !path.startsWith('..') && !isAbsolute(path)) return path.split(sep).join('/')
  }
  return basename(rosterPath)
}

function repositoryRoot(from: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir
    if (dirname(dir) === dir) return null
  }
}
