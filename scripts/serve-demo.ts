/**
 * `npm run serve-demo`: the fake GitHub with the demo world, left running, for trying the command
 * line by hand:  GH_TOKEN=demo-token npx member-audit --api-url <printed URL> --roster … --dry-run
 * Also writes the demo roster to demo-output/roster.yml.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { DEMO_ROSTER, DEMO_TOKEN, demoWorld } from '../fake-github/demo-world.js'
import { FakeGitHub } from '../fake-github/server.js'

await mkdir('demo-output', { recursive: true })
await writeFile('demo-output/roster.yml', DEMO_ROSTER)
const github = await FakeGitHub.start({ world: demoWorld().world, latencyMs: Number(process.env.LATENCY_MS ?? 0) })
console.log(
  `Fake GitHub with the demo world on ${github.url} (token: ${DEMO_TOKEN}); roster in demo-output/roster.yml. Ctrl-C to stop.`
)
