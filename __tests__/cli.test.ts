/**
 * The command line, run as a user runs it (`node dist/cli.js`) against the fake GitHub: help,
 * a dry run with progress, bad input, a missing token, an incomplete run, and the exit statuses.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { USAGE, parseArgs, serverUrlFor } from '../src/cli/args.js'
import { progressWriter } from '../src/cli/progress.js'
import { emptyUsage } from '../src/github/client.js'
import { VERSION } from '../src/version.js'
import { DEMO_ROSTER, DEMO_TOKEN, demoWorld } from '../fake-github/demo-world.js'
import { bundleNode } from '../fake-github/run-action.js'
import { FakeGitHub } from '../fake-github/server.js'

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url))

interface CliRun {
  code: number
  stdout: string
  stderr: string
  dir: string
}

async function cli(args: string[], env: Record<string, string>, roster = DEMO_ROSTER): Promise<CliRun> {
  const dir = await mkdtemp(join(tmpdir(), 'ma-cli-'))
  await mkdir(join(dir, '.github'))
  await writeFile(join(dir, '.github', 'member-audit.yml'), roster)
  // Only node on the PATH: no `gh` to fall back on, so a missing token is really missing.
  const child = spawn(bundleNode(), [CLI, ...args], {
    cwd: dir,
    env: { PATH: dirname(bundleNode()), ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  const code = await new Promise<number>((done) => child.on('close', (c) => done(c ?? -1)))
  return { code, stdout, stderr, dir }
}

describe('member-audit command line (dist/cli.js)', () => {
  let github: FakeGitHub
  beforeAll(async () => {
    github = await FakeGitHub.start({ world: demoWorld().world })
  })
  afterAll(async () => {
    await github.close()
  })

  test('--help names every flag the parser accepts, and the exit statuses', async () => {
    const run = await cli(['--help'], {})
    expect(run.code).toBe(0)
    for (const flag of ['--roster', '--out', '--dry-run', '--api-url', '--help', '--version'])
      expect(run.stdout).toContain(flag)
    expect(run.stdout).toMatch(/Exit status: 0 .*; 1 bad input/s)
    expect(run.stdout.trim()).toBe(USAGE)
    // And every flag USAGE names is one the parser accepts.
    for (const flag of USAGE.match(/--[a-z-]+/g)!)
      expect(() =>
        parseArgs(flag === '--roster' || flag === '--out' || flag === '--api-url' ? [flag, 'x'] : [flag])
      ).not.toThrow()
  })

  test('a dry run with progress: summary and reports in --out, nothing written to GitHub, exit 0', async () => {
    const before = github.requests.length
    const run = await cli(['--dry-run', '--api-url', github.url, '--out', 'out'], { GH_TOKEN: DEMO_TOKEN })
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(
      new RegExp(`member-audit ${VERSION}: roster \\.github/member-audit\\.yml, http://127\\.0\\.0\\.1:\\d+, dry run`)
    )
    expect(run.stderr).toMatch(/reading member lists: 3\/3 · \d+ requests · \d+ left this hour/)
    expect(run.stderr).toMatch(/asking GraphQL about people: 45\/45/)
    expect(run.stderr).toMatch(/reading public events of people still left: \d+\/\d+/)
    expect(run.stdout).toMatch(/^44 people: 8 inactive, 1 unknown, 4 approaching, 2 exempt, 29 active\.\n/)
    for (const file of ['summary.md', 'report.json', 'report.csv'])
      expect(existsSync(join(run.dir, 'out', file))).toBe(true)
    expect(await readFile(join(run.dir, 'out', 'summary.md'), 'utf8')).toMatch(
      /## Member audit: 44 people in 3 organizations/
    )
    expect(run.stderr + run.stdout).not.toContain(DEMO_TOKEN)
    expect(github.requests.slice(before).filter((r) => r.method !== 'GET' && r.path !== '/graphql')).toEqual([])
  })

  test('a bad roster: file:line:col and key, exit 1, no request', async () => {
    const before = github.requests.length
    const run = await cli(
      ['--api-url', github.url],
      { GH_TOKEN: DEMO_TOKEN },
      'version: 1\norgs: [orbit-lab]\nwarn-before-days: soon\n'
    )
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(
      /error: \.github\/member-audit\.yml:3:19: warn-before-days: expected a whole number from 0 to 365, found the text "soon"/
    )
    expect(github.requests.length).toBe(before)
  })

  test('no token anywhere: exit 1 with what to set', async () => {
    const run = await cli(['--api-url', github.url], {})
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/error: No token: set GH_TOKEN \(or GITHUB_TOKEN\)/)
  })

  test('--dry-run=false is not a dry run nor a full one: exit 1 naming the flag, before any request', async () => {
    const before = github.requests.length
    for (const value of ['false', 'x']) {
      const run = await cli([`--dry-run=${value}`, '--api-url', github.url], { GH_TOKEN: DEMO_TOKEN })
      expect(run.code).toBe(1)
      expect(run.stderr).toBe(
        `error: --dry-run takes no value, but was given "${value}": give --dry-run alone to turn it on, leave it out otherwise. See member-audit --help.\n`
      )
      expect(run.stdout).toBe('')
    }
    expect(github.requests.length).toBe(before)
    expect(github.writes()).toEqual([])
  })

  test('an unknown flag, a stray argument, and a flag without its value: exit 1', async () => {
    const unknown = await cli(['--dryrun'], {})
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/Unknown option "--dryrun"/)
    expect((await cli(['roster.yml'], {})).stderr).toMatch(/Unexpected argument "roster.yml"/)
    expect((await cli(['--roster', '--dry-run'], {})).stderr).toMatch(/--roster needs a value/)
    const missing = await cli(['--roster'], {})
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/--roster needs a value/)
  })

  test('an incomplete run exits 2', async () => {
    const run = await cli(
      ['--dry-run', '--api-url', github.url],
      { GITHUB_TOKEN: DEMO_TOKEN },
      DEMO_ROSTER + 'max-unknown-percent: 0\n'
    )
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/Incomplete run: 1 of 44 people \(2\.3%\) could not be checked/)
  })

  test('GitHub Enterprise Server: --api-url https://HOST/api/v3 links to https://HOST', async () => {
    expect(serverUrlFor('https://ghe.example.com/api/v3')).toBe('https://ghe.example.com')
    expect(serverUrlFor('https://api.github.com/')).toBe('https://github.com')
    const before = github.requests.length
    const run = await cli(['--dry-run', '--api-url', `${github.url}/api/v3`], { GH_TOKEN: DEMO_TOKEN })
    expect(run.code).toBe(0)
    // Every request went to GHES's paths, and the summary links people to the host, not github.com.
    const asked = github.requests.slice(before)
    expect(asked.some((r) => r.rawPath === '/api/graphql')).toBe(true)
    expect(asked.every((r) => r.rawPath.startsWith('/api/v3/') || r.rawPath === '/api/graphql')).toBe(true)
    const summary = await readFile(join(run.dir, 'member-audit-output', 'summary.md'), 'utf8')
    expect(summary).toContain(`[dormant-owner](${github.url}/dormant-owner)`)
    expect(summary).toContain(`[orbit-lab](${github.url}/orbit-lab)`)
    expect(summary).not.toMatch(/\]\(https:\/\/github\.com\/(dormant-owner|orbit-lab)\)/)
  })

  test('progress: a live line on a terminal, plain lines at each tenth otherwise', () => {
    const written: string[] = []
    const plain = progressWriter({ write: (s: string) => written.push(s) > 0, isTTY: false }, () => 0)
    for (let i = 1; i <= 100; i++) plain.update('graphql', i, 100, emptyUsage(), 4000)
    // The first answer, then one line at each tenth.
    expect(written).toHaveLength(11)
    expect(written[1]).toBe('asking GraphQL about people: 10/100 · 0 requests · 4000 left this hour · about 0 s left\n')
    expect(written[10]).toBe('asking GraphQL about people: 100/100 · 0 requests · 4000 left this hour\n')
    const live: string[] = []
    const tty = progressWriter({ write: (s: string) => live.push(s) > 0, isTTY: true }, () => 0)
    tty.update('events', 1, 2, emptyUsage(), null)
    tty.end()
    expect(live).toEqual([
      '\r\x1b[2Kreading public events of people still left: 1/2 · 0 requests · about 0 s left',
      '\n'
    ])
  })

  test("the version printed is package.json's", async () => {
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
    expect(VERSION).toBe(pkg.version)
    expect((await cli(['--version'], {})).stdout).toBe(`member-audit ${pkg.version}\n`)
  })
})
