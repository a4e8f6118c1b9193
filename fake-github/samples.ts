/**
 * The rendered samples in docs/examples/ (a job summary and a tracking issue), produced from the
 * demo world on a fixed date through the whole run, dry: `npm run docs` writes them, and a test
 * fails when they are stale.
 */
import { mkdir, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { silentLogger } from '../src/logger.js'
import { runMemberAudit } from '../src/run.js'
import { DEMO_REPOSITORY, DEMO_TOKEN, demoRoster, demoWorld } from './demo-world.js'
import { FakeGitHub } from './server.js'
import { writeFile } from 'node:fs/promises'

const SAMPLE_DATE = new Date('2026-11-24T12:00:00Z')

export async function renderSamples(): Promise<{ summary: string; issue: string }> {
  const { world } = demoWorld(SAMPLE_DATE)
  const github = await FakeGitHub.start({ world })
  try {
    const dir = await mkdtemp(join(tmpdir(), 'ma-samples-'))
    const rosterPath = join(dir, '.github', 'member-audit.yml')
    await mkdir(join(dir, '.github'))
    await writeFile(rosterPath, demoRoster(SAMPLE_DATE))
    const outcome = await runMemberAudit(
      {
        rosterInput: '.github/member-audit.yml',
        rosterPath,
        workspace: dir,
        token: DEMO_TOKEN,
        issueToken: DEMO_TOKEN,
        dryRun: true,
        apiUrl: github.url,
        serverUrl: 'https://github.com',
        repository: DEMO_REPOSITORY,
        outputDir: dir
      },
      { log: silentLogger, now: () => SAMPLE_DATE }
    )
    const note = (what: string): string =>
      `<!-- ${what} rendered by \`npm run docs\` from the demo world (npm run demo) on ${SAMPLE_DATE.toISOString().slice(0, 10)}, a dry run in a public repository. -->\n\n`
    return {
      summary: note('Job summary') + outcome.summaryMarkdown,
      issue: note('Tracking issue') + outcome.tracking!.text.body + '\n'
    }
  } finally {
    await github.close()
  }
}
