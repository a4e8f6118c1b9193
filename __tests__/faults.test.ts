/**
 * Faults, on a generated 1,000-person world: with 5 % of requests answered 502 and 2 % by a
 * secondary rate limit (deterministic from a seed), the verdicts equal a clean run's; with the
 * primary rate limit spent halfway, no one is wrongly inactive, the run is incomplete, and the
 * tracking issue's list is left as it was.
 */
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { silentLogger } from '../src/logger.js'
import { runMemberAudit } from '../src/run.js'
import { auditWorld, statuses } from './helpers.js'
import { generateWorld } from '../fake-github/generated-world.js'
import { STORM_OUTAGE, STORM_RATES, faultStorm } from '../fake-github/faults.js'
import { FakeGitHub } from '../fake-github/server.js'

const LONG = 300_000

describe('faults on a 1,000-person world', () => {
  const now = new Date()
  // The benchmark's 1,000-person world (npm run bench uses seed 1).
  const { world, truth, orgs } = generateWorld(1000, 1, now)
  const roster = `version: 1\norgs: [${orgs.join(', ')}]\n`
  let clean: Record<string, string>

  beforeAll(async () => {
    clean = statuses((await auditWorld(world, roster)).result)
  }, LONG)

  test('the clean run matches the world: nobody unknown', () => {
    expect(Object.values(clean).filter((s) => s === 'unknown')).toEqual([])
  })

  test(
    '5 % server errors and 2 % secondary limits: the same verdicts as a clean run',
    async () => {
      const storm = faultStorm(5, { 'server-error': 0.05, 'secondary-403': 0.02 })
      const flaky = await auditWorld(world, roster, { fault: storm.fault })
      expect(storm.injected.get('server-error')).toBeGreaterThan(10)
      expect(storm.injected.get('secondary-403')).toBeGreaterThan(5)
      expect(statuses(flaky.result)).toEqual(clean)
    },
    LONG
  )

  test(
    'every kind of fault at once, from a seed, and an outage longer than the retries: the same verdicts as a clean run',
    async () => {
      const storm = faultStorm(2, STORM_RATES, STORM_OUTAGE)
      const stormy = await auditWorld(world, roster, { fault: storm.fault, alter: storm.alter })
      const kinds = Object.fromEntries([...storm.injected].sort())
      // Every kind was injected at least once (the map holds only kinds that were).
      expect(Object.keys(kinds)).toEqual([
        'connection-reset',
        'graphql-partial',
        'graphql-timeout-200',
        'graphql-timeout-502',
        'malformed-json',
        'outage',
        'secondary-403',
        'secondary-429',
        'server-error',
        'slow'
      ])
      expect(statuses(stormy.result)).toEqual(clean)
      // The outage left some people unchecked after the retries; the second round asked them again.
      expect(stormy.log.lines.join('\n')).toMatch(/asking them again in 0 s/)
    },
    LONG
  )

  test(
    'the primary rate limit spent halfway: nobody wrongly inactive, run incomplete, tracking list unchanged',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'ma-faults-'))
      const rosterPath = join(dir, 'roster.yml')
      await writeFile(rosterPath, `${roster}tracking-issue:\n  repo: ${orgs[0]}/security\n`)
      world.repos.push({ fullName: `${orgs[0]}/security`, private: true })
      world.tokens['half-token'] = { orgs: 'all', ownerOf: 'all', limit: 250 }
      const github = await FakeGitHub.start({ world })
      try {
        const settings = (token: string) => ({
          rosterInput: 'roster.yml',
          rosterPath,
          workspace: dir,
          token,
          issueToken: 'test-token',
          dryRun: false,
          apiUrl: github.url,
          serverUrl: 'https://github.com',
          repository: null,
          outputDir: dir
        })
        const first = await runMemberAudit(settings('test-token'), {
          log: silentLogger,
          now: () => now,
          waitScale: 0.001
        })
        expect(first.incomplete).toBeNull()
        const issue = world.issues.find((i) => i.repo === `${orgs[0]}/security`)!
        const body = issue.body

        const exhausted = await runMemberAudit(settings('half-token'), {
          log: silentLogger,
          now: () => now,
          waitScale: 0.001
        })
        expect(github.requests.some((r) => r.token === 'half-token' && r.status === 403)).toBe(true)
        expect(exhausted.incomplete).toMatch(
          /^\d+ of 1000 people \(\d+\.\d%\) could not be checked, more than max-unknown-percent \(10%\)\.$/
        )
        expect(exhausted.counts.unknown).toBeGreaterThan(100)
        // It said at the start that the quota would not last.
        expect(exhausted.summaryMarkdown).toMatch(
          /> \[!WARNING\]\n> This run needs about \d+ REST requests and 250 are left this hour/
        )
        expect(exhausted.summaryMarkdown).toMatch(
          new RegExp(`\\| Unknown \\(could not be checked\\) \\| ${exhausted.counts.unknown} \\|`)
        )
        // Nobody the truth calls active is reported inactive.
        const report = JSON.parse(await (await import('node:fs/promises')).readFile(exhausted.reportPath, 'utf8')) as {
          people: { login: string; status: string }[]
        }
        const wronglyInactive = report.people.filter(
          (p) => p.status === 'inactive' && truth.get(p.login) !== 'inactive'
        )
        expect(wronglyInactive).toEqual([])
        expect(issue.body).toBe(body)
        expect(issue.comments.map((c) => c.body)).toEqual([
          expect.stringMatching(/^The run of \d{4}-\d{2}-\d{2} was incomplete: \d+ of 1000 people/)
        ])
      } finally {
        await github.close()
      }
    },
    LONG
  )
})
