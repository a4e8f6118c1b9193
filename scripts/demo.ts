/**
 * `npm run demo`: the action on the built-in sample world, offline. Starts the fake GitHub,
 * runs the committed bundle exactly as the Actions runner would, prints the job summary, and
 * leaves summary.md, report.json and report.csv in demo-output/.
 */
import { copyFile, mkdir, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { DEMO_REPOSITORY, DEMO_ROSTER, DEMO_TOKEN, demoWorld } from '../fake-github/demo-world.js'
import { runAction } from '../fake-github/run-action.js'
import { FakeGitHub } from '../fake-github/server.js'

const out = resolve('demo-output')
await rm(out, { recursive: true, force: true })
await mkdir(out, { recursive: true })

const { world } = demoWorld()
const github = await FakeGitHub.start({ world })
console.log(
  `Fake GitHub listening on ${github.url} (3 organizations, ${world.users.length} accounts). Running dist/index.js…\n`
)
try {
  const run = await runAction({
    dir: join(out, 'run'),
    apiUrl: github.url,
    roster: DEMO_ROSTER,
    inputs: { token: DEMO_TOKEN, 'dry-run': 'true' },
    env: { GITHUB_REPOSITORY: DEMO_REPOSITORY },
    onOutput: (chunk) => process.stdout.write(chunk.replace(/^::debug::.*\n/gm, ''))
  })
  await copyFile(join(out, 'run', 'summary.md'), join(out, 'summary.md'))
  if (run.outputs['report-path']) await copyFile(run.outputs['report-path'], join(out, 'report.json'))
  if (run.outputs['csv-path']) await copyFile(run.outputs['csv-path'], join(out, 'report.csv'))

  console.log('\n================ job summary (demo-output/summary.md) ================\n')
  console.log(run.summary)
  console.log('================ outputs ================')
  for (const [name, value] of Object.entries(run.outputs)) console.log(`${name}: ${value}`)
  console.log(`\n${github.requests.length} requests to the fake GitHub, ${github.writes().length} writes.`)
  console.log(
    `Files: ${join('demo-output', 'summary.md')}, ${join('demo-output', 'report.json')}, ${join('demo-output', 'report.csv')}`
  )
  if (run.stderr.trim()) process.stderr.write(run.stderr)
  process.exitCode = run.code
} finally {
  await github.close()
}
