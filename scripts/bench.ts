/**
 * `npm run bench`: cost, speed and accuracy of the audit on generated worlds of 100, 1,000 and
 * 5,000 people (20,000 with --large), served by the fake GitHub from its own process with a
 * latency per request (default 100 ms), through the real client with the real throttling plugin.
 * A benchmark, not a test: it prints a table and passes judgement on nothing.
 *
 *   npm run bench -- [--large] [--sizes 100,1000] [--latency 100] [--seed 1] [--storm 2] [--verbose] [--no-traffic]
 *
 * After the sizes it measures the real-traffic world (fake-github/traffic-world.ts) against its bound.
 *
 * --storm SEED serves the fault storm of fake-github/faults.ts (every fault kind at once,
 * deterministic from SEED), with real waits: what faults cost in time and requests, and whether
 * the verdicts still match the world's truth.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { cpus, totalmem } from 'node:os'
import { auditMembers as runAudit } from '../src/run.js'
import { type ApiUsage, createGitHubClient, emptyUsage } from '../src/github/client.js'
import { silentLogger } from '../src/logger.js'
import { parseRoster } from '../src/roster/load.js'
import { preflight } from '../src/preflight/preflight.js'
import { generateWorld } from '../fake-github/generated-world.js'
import { type TrafficWorld, generateTrafficWorld } from '../fake-github/traffic-world.js'

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}
const latency = Number(arg('latency') ?? 100)
const seed = Number(arg('seed') ?? 1)
const order = arg('order')?.split(',')
const storm = arg('storm')
// --verbose: the audit's warnings (retries, rate limits, second rounds) on stderr, with the time.
const t0 = Date.now()
const log = process.argv.includes('--verbose')
  ? {
      ...silentLogger,
      warning: (m: string) => process.stderr.write(`${((Date.now() - t0) / 1000).toFixed(1)}s ${m}\n`)
    }
  : silentLogger
const sizes = (arg('sizes') ?? (process.argv.includes('--large') ? '100,1000,5000,20000' : '100,1000,5000'))
  .split(',')
  .map(Number)

interface Row {
  /** Seconds spent in each phase. */
  phases: string
  people: number
  orgs: number
  rest: number
  graphql: number
  points: number
  search: number
  c: number
  s: number
  bound: number
  seconds: number
  rssMb: number
  wronglyInactive: number
  wronglyActive: number
  unknown: number
  mismatched: number
}

function secondsBetween(from: bigint, to: bigint): string {
  return `${(Number(to - from) / 1e9).toFixed(1)} s`
}

async function startServer(people: number, now: Date, traffic = false): Promise<{ url: string; child: ChildProcess }> {
  const serve = fileURLToPath(new URL('../fake-github/serve.ts', import.meta.url))
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      serve,
      '--people',
      String(people),
      '--seed',
      String(seed),
      '--now',
      now.toISOString(),
      '--latency',
      String(latency),
      ...(storm ? ['--storm', storm] : []),
      ...(traffic ? ['--traffic'] : [])
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit']
    }
  )
  const [line] = (await once(child.stdout!, 'data')) as [Buffer]
  return { url: (JSON.parse(line.toString()) as { url: string }).url, child }
}

async function measure(people: number, traffic: TrafficWorld | null = null, now = new Date()): Promise<Row> {
  const { truth, orgs } = traffic ?? generateWorld(people, seed, now)
  const { url, child } = await startServer(people, now, traffic !== null)
  try {
    const usage = emptyUsage()
    const client = createGitHubClient({ token: 'bench-token', apiUrl: url, log, usage })
    const roster = parseRoster(`version: 1\norgs: [${orgs.join(', ')}]\n`, 'bench.yml')
    const snapshots = new Map<string, { usage: ApiUsage; asked: number; at: bigint }>()
    const started = process.hrtime.bigint()
    // As a run does: the preflight first (its requests count in the table).
    const checked = await preflight({ client, issueClient: client, roster, trackingRepo: null, writes: false, log })
    const result = await runAudit({
      client,
      roster,
      ruledOut: checked.ruledOut,
      now,
      log,
      usage,
      serverUrl: 'https://github.com',
      ...(order ? { sourceOrder: order } : {}),
      // First round only: a second round (people asked again after failures) counts with the last source.
      observeSources: (source, asked) => {
        if (!snapshots.has(source)) snapshots.set(source, { usage: { ...usage }, asked, at: process.hrtime.bigint() })
      }
    })
    const seconds = Number(process.hrtime.bigint() - started) / 1e9

    // Requests each source made: the usage between its start and the next source's (or the end).
    const names = [...snapshots.keys()]
    const spent = (name: string): number => {
      const from = snapshots.get(name)!.usage
      const next = names[names.indexOf(name) + 1]
      const to = next ? snapshots.get(next)!.usage : usage
      return to.rest + to.graphql - from.rest - from.graphql
    }
    const s = spent('repository-sweep')
    // Where the time went: members and setup, then each source (the last one with any second round).
    const ends = [...names.slice(1).map((n) => snapshots.get(n)!.at), process.hrtime.bigint()]
    const phases = [
      `before the sources ${secondsBetween(started, snapshots.get(names[0]!)!.at)}`,
      ...names.map((n, i) => `${n} ${secondsBetween(snapshots.get(n)!.at, ends[i]!)}`)
    ]
    const c = snapshots.get('events')?.asked ?? 0
    let wronglyInactive = 0
    let wronglyActive = 0
    let unknown = 0
    let mismatched = 0
    for (const v of result.verdicts) {
      const expected = truth.get(v.person.login)
      if (v.status === 'unknown') unknown++
      else if (v.status === 'inactive' && expected !== 'inactive') wronglyInactive++
      else if (v.status !== 'inactive' && expected === 'inactive') wronglyActive++
      else if (v.status !== expected) mismatched++
    }
    return {
      phases: phases.join(', '),
      people,
      orgs: orgs.length,
      rest: usage.rest,
      graphql: usage.graphql,
      points: usage.graphqlPoints,
      search: usage.search,
      c,
      s,
      bound: Math.round(people / 20 + 1.1 * c + s + 30),
      seconds,
      rssMb: process.resourceUsage().maxRSS / 1024,
      wronglyInactive,
      wronglyActive,
      unknown,
      mismatched
    }
  } finally {
    child.kill('SIGTERM')
  }
}

console.log(
  `member-audit benchmark — sources ${order?.join(' → ') ?? 'graphql → repository-sweep → events'}, ${latency} ms latency per request, seed ${seed}${storm ? `, fault storm ${storm}` : ''}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB`
)
console.log(
  'Requests are reads of all kinds; C = people asked of the events API (left after GraphQL and the sweep); S = sweep requests.'
)
console.log('Bound = M/20 + 1.1·C + S + 30 (the target). Peak RSS is the audit process (the fake GitHub runs apart).\n')
console.log(
  '| people | orgs | REST | GraphQL queries | GraphQL points | search | C | S | total | bound | wall s | peak RSS MB | wrongly inactive | wrongly active | unknown | approaching↔active | REST/hour needed |'
)
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
const timings: string[] = []
for (const people of sizes) {
  const r = await measure(people)
  timings.push(`${people} people: ${r.phases}`)
  const total = r.rest + r.graphql + r.search
  console.log(
    `| ${r.people} | ${r.orgs} | ${r.rest} | ${r.graphql} | ${r.points} | ${r.search} | ${r.c} | ${r.s} | ${total} | ${r.bound} | ${r.seconds.toFixed(1)} | ${r.rssMb.toFixed(0)} | ${r.wronglyInactive} | ${r.wronglyActive} | ${r.unknown} | ${r.mismatched} | ${r.rest <= 5000 ? '≤ 5,000 (any token)' : r.rest <= 15000 ? '≤ 15,000 (App on GHEC)' : 'more than one hour'} |`
  )
}
console.log(`\nWhere the time went — ${timings.join('; ')}`)

// The real-traffic world (fake-github/traffic-world.ts): bots pushing thousands of times, busy
// timelines, members whose only act lies buried. Its bound: M/20 + 1.1·I + 2·R + P + 30, with I the
// truly inactive, R the repositories and P the 100-item pages of pushes in the window.
if (!process.argv.includes('--no-traffic')) {
  const now = new Date()
  const traffic = generateTrafficWorld(seed, now, { people: 300 })
  const r = await measure(300, traffic, now)
  const inactive = [...traffic.truth.values()].filter((t) => t === 'inactive').length
  const people = traffic.truth.size
  const bound = Math.round(people / 20 + 1.1 * inactive + 2 * traffic.repositories + traffic.pushPages + 30)
  console.log('\nReal traffic (fake-github/traffic-world.ts), bound = M/20 + 1.1·I + 2·R + P + 30:\n')
  console.log(
    '| people | orgs | repositories | pushes in the window | P (push pages) | busiest timeline | I | reads | bound | wall s | wrongly inactive | wrongly active | unknown | approaching↔active |'
  )
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
  console.log(
    `| ${people} | ${traffic.orgs.length} | ${traffic.repositories} | ${traffic.pushesInWindow} | ${traffic.pushPages} | ${traffic.busiestTimeline} | ${inactive} | ${r.rest + r.graphql + r.search} | ${bound} | ${r.seconds.toFixed(1)} | ${r.wronglyInactive} | ${r.wronglyActive} | ${r.unknown} | ${r.mismatched} |`
  )
  console.log(`\nWhere the time went — ${r.phases}`)
}
