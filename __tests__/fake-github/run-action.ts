/**
 * Runs the bundled action (`node dist/index.js`) as the Actions runner does: inputs as
 * INPUT_* variables, the runner's GITHUB_* and RUNNER_* variables, files for the step summary
 * and outputs. Nothing else from this process's environment leaks in.
 */
import { spawn } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const DIST = fileURLToPath(new URL('../../dist/index.js', import.meta.url))

export interface ActionRun {
  code: number
  stdout: string
  stderr: string
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
}

export async function runAction(options: ActionRunOptions): Promise<ActionRun> {
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

  const child = spawn(process.execPath, [DIST], { env, stdio: ['ignore', 'pipe', 'pipe'] })
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

  const outputs = parseOutputs(await readFile(outputPath, 'utf8'))
  const reportPath = outputs['report-path'] ?? null
  const report = reportPath ? (JSON.parse(await readFile(reportPath, 'utf8')) as Record<string, unknown>) : null
  return { code, stdout, stderr, summary: await readFile(summaryPath, 'utf8'), outputs, report, reportPath }
}

/** GITHUB_OUTPUT's format: `name<<DELIMITER\nvalue\nDELIMITER` per output. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const re = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const m of text.matchAll(re)) outputs[m[1]!] = m[3]!
  return outputs
}
