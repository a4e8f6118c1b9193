/**
 * A generated world of 200 people with every kind of activity, served by the fake GitHub: every
 * verdict must match the ground truth (what GitHub's APIs can reveal), and the requests made must
 * stay within the cost target M/20 + 1.1·C + S + 30.
 */
import { auditWorld } from './helpers.js'
import { generateWorld } from '../fake-github/generated-world.js'

describe('generated world against its ground truth', () => {
  test('200 people: no one wrongly inactive, no one wrongly active, no one unknown', async () => {
    const now = new Date()
    const { world, truth, orgs } = generateWorld(200, 7, now)
    const asked = new Map<string, number>()
    const { result, github } = await auditWorld(world, `version: 1\norgs: [${orgs.join(', ')}]\n`, {
      observeSources: (source: string, n: number) => asked.set(source, n)
    })
    const wrong = result.verdicts
      .filter((v) => v.status !== truth.get(v.person.login))
      .map((v) => `${v.person.login}: ${v.status}, truth ${truth.get(v.person.login)}`)
    expect(wrong).toEqual([])
    expect(result.verdicts).toHaveLength(truth.size)
    const statuses = new Set(result.verdicts.map((v) => v.status))
    expect(statuses).toEqual(new Set(['active', 'approaching', 'inactive']))
    const c = asked.get('events') ?? 0
    const isSweep = (r: { path: string; body?: { query?: string } }): boolean =>
      /^\/orgs\/[^/]+\/repos$/.test(r.path) ||
      r.path.endsWith('/activity') ||
      String(r.body?.query ?? '').startsWith('query RepositorySweep')
    const s = github.requests.filter(isSweep).length
    const total = github.requests.length
    expect(c).toBeGreaterThan(0)
    expect(s).toBeGreaterThan(0)
    expect(total).toBeLessThanOrEqual(200 / 20 + 1.1 * c + s + 30)
  })
})
