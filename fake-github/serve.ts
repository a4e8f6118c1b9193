/**
 * Serves a generated world from its own process, so the benchmark measures the audit's memory
 * and time, not the fake's. Prints `{"url": …}` on one line once listening.
 * Usage: tsx serve.ts --people N --seed S --now ISO --latency MS [--storm SEED] [--traffic]
 * With --storm it injects faults.ts's storm and, on exit, prints what it injected to stderr.
 */
import { STORM_OUTAGE, STORM_RATES, faultStorm } from './faults.js'
import { generateWorld } from './generated-world.js'
import { FakeGitHub } from './server.js'
import { generateTrafficWorld } from './traffic-world.js'

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback
}

const now = new Date(arg('now', new Date().toISOString()))
// --traffic: the real-traffic world (traffic-world.ts) instead of the tidy one.
const { world } = process.argv.includes('--traffic')
  ? generateTrafficWorld(Number(arg('seed', '1')), now, { people: Number(arg('people', '300')) })
  : generateWorld(Number(arg('people', '100')), Number(arg('seed', '1')), now)
world.tokens['bench-token'] = { orgs: 'all', limit: Number(arg('limit', '15000')) }
const stormSeed = arg('storm', '')
const storm = stormSeed ? faultStorm(Number(stormSeed), STORM_RATES, STORM_OUTAGE) : null
const github = await FakeGitHub.start({
  world,
  latencyMs: Number(arg('latency', '100')),
  ...(storm ? { fault: storm.fault, alter: storm.alter } : {})
})
process.stdout.write(JSON.stringify({ url: github.url }) + '\n')
process.on('SIGTERM', () => {
  if (storm)
    process.stderr.write(`faults injected: ${JSON.stringify(Object.fromEntries([...storm.injected].sort()))}\n`)
  void github.close().then(() => process.exit(0))
})
