/**
 * The throttling plugin spaces requests with its limiter groups: every GraphQL query and every
 * write at least 1 s apart, writes that notify 3 s, searches 2 s (@octokit/plugin-throttling,
 * `createGroups`; GitHub asks for a second between mutations:
 * docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api). At scale 1 the
 * plugin's own groups are kept (shared by every client in the process, as the plugin intends).
 * Tests pass a small scale: the same groups, same concurrency, spacing scaled, so the real plugin
 * still runs but a suite does not sleep through minutes of spacing.
 */
import Bottleneck from 'bottleneck/light.js'

type Groups = Record<'global' | 'write' | 'search' | 'notifications', Bottleneck.Group>

const scaledGroups = new Map<number, Groups>()

/** The limiter groups to hand the plugin for `scale` (none at 1: the plugin's own). */
export function scaledSpacing(scale: number): Partial<Groups> {
  if (scale === 1) return {}
  let groups = scaledGroups.get(scale)
  if (!groups) {
    const group = (id: string, maxConcurrent: number, minTime: number): Bottleneck.Group =>
      new Bottleneck.Group({ id, maxConcurrent, minTime: Math.round(minTime * scale), timeout: 120_000 })
    groups = {
      global: group('octokit-global', 10, 0),
      write: group('octokit-write', 1, 1000),
      search: group('octokit-search', 1, 2000),
      notifications: group('octokit-notifications', 1, 3000)
    }
    scaledGroups.set(scale, groups)
  }
  return groups
}
