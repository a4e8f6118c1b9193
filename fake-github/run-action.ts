/**
 * Runs the action as the Actions runner does: inputs as INPUT_* variables, the runner's GITHUB_*
 * and RUNNER_* variables, files for the step summary and outputs. Nothing else from this
 * process's environment leaks in.
 *
 * `runAction` runs the bundle (`node dist/index.js`) in a child process: the smoke tests and the
 * demo. `runActionInProcess` runs the same `run()` in this process with a recording ActionIO and
 * scaled waits: every other test of the action's behaviour.
 */
import { spawn } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type ActionIO, run } from '../src/main.js'

const DIST = fileURLToPath(new URL('../dist/index.js', import.meta.url))

/**
 * The node that runs the bundles (dist/index.js, dist/cli.js) in the tests that spawn them: this
 * process's own, or MEMBER_AUDIT_TEST_NODE's, which .ci/run points at Node 24, the runtime
 * action.yml declares (`runs.using: node24`), to run those tests again on it.
 */
export function bundleNode(): string {
  return process.env.MEMBER_AUDIT_TEST_NODE || process.execPath
}

export interface ActionRun {
  code: number
  stdout: string
  stderr: string
  /** The messages the step failed with (`::error::` lines). */
  errors: string[]
  summary: string
  outputs: Record<string, string>
  report: Record<string, unknown> | null
  reportPath: string | null
}

export interface ActionRunOptions {
  /** A fresh folder for the workspace, summary, outputs and RUNNER_TEMP. */
  dir: string
  apiUrl: string
  roster: string
  inputs?: Record<string, string>
  env?: Record<string, string>
  onOutput?: (chunk: string) => void
  /** In process only: the run's clock (default: now). */
  now?: Date
}

interface Prepared {
  env: Record<string, string>
  summaryPath: string
  outputPath: string
}

async function prepare(options: ActionRunOptions): Promise<Prepared> {
  const workspace = join(options.dir, 'workspace')
  await mkdir(join(workspace, '.github'), { recursive: true })
  await mkdir(join(options.dir, 'tmp'), { recursive: true })
  await writeFile(join(workspace, '.github', 'member-audit.yml'), options.roster)
  const summaryPath = join(options.dir, 'summary.md')
  const outputPath = join(options.dir, 'outputs.txt')
  await writeFile(summaryPath, '')
  await writeFile(outputPath, '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_ACTIONS: 'true',
    GITHUB_API_URL: options.apiUrl,
    GITHUB_GRAPHQL_URL: `${options.apiUrl}/graphql`,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_EVENT_NAME: 'schedule',
    RUNNER_TEMP: join(options.dir, 'tmp'),
    ...options.env
  }
  for (const [name, value] of Object.entries(options.inputs ?? {})) env[`INPUT_${name.toUpperCase()}`] = value
  return { env, summaryPath, outputPath }
}

async function finish(
  prepared: Prepared,
  run: Omit<ActionRun, 'summary' | 'outputs' | 'report' | 'reportPath'>,
  outputs?: Record<string, string>
): Promise<ActionRun> {
  const out = outputs ?? parseOutputs(await readFile(prepared.outputPath, 'utf8'))
  const reportPath = out['report-path'] ?? null
  const report = reportPath ? (JSON.parse(await readFile(reportPath, 'utf8')) as Record<string, unknown>) : null
  return { ...run, summary: await readFile(prepared.summaryPath, 'utf8'), outputs: out, report, reportPath }
}

export async function runAction(options: ActionRunOptions): Promise<ActionRun> {
  const prepared = await prepare(options)
  const child = spawn(bundleNode(), [DIST], { env: prepared.env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString()
    options.onOutput?.(d.toString())
  })
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString()
  })
  const code = await new Promise<number>((done) => child.on('close', (c) => done(c ?? -1)))
  const errors = stdout
    .split('\n')
    .filter((l) => l.startsWith('::error::'))
    .map((l) => decodeCommand(l.slice('::error::'.length)))
  return finish(prepared, { code, stdout, stderr, errors })
}

/** The same run in this process: waits scaled down, runner effects recorded rather than printed. */
export async function runActionInProcess(options: ActionRunOptions): Promise<ActionRun> {
  const prepared = await prepare(options)
  const lines: string[] = []
  const errors: string[] = []
  const outputs: Record<string, string> = {}
  const io: ActionIO = {
    log: { info: (m) => lines.push(m), warning: (m) => lines.push(`::warning::${m}`), debug: () => {} },
    setSecret: (s) => lines.push(`::add-mask::${s}`),
    setOutput: (name, value) => {
      outputs[name] = String(value)
    },
    setFailed: (message) => {
      errors.push(message)
      lines.push(`::error::${message}`)
    },
    writeSummary: (markdown) => writeFile(prepared.summaryPath, markdown, { flag: 'a' })
  }
  const now = options.now ?? new Date()
  await run({ env: prepared.env, now: () => now, waitScale: 0.001, io })
  const stdout = lines.join('\n') + '\n'
  options.onOutput?.(stdout)
  return finish(prepared, { code: errors.length ? 1 : 0, stdout, stderr: '', errors }, outputs)
}

/** Workflow commands escape %, CR and LF (@actions/core's escapeData). */
function decodeCommand(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

/** GITHUB_OUTPUT's format: `name<<DELIMITER\nvalue\nDELIMITER` per output. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const re = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const m of text.matchAll(re)) outputs[m[1]!] = m[3]!
  return outputs
}
