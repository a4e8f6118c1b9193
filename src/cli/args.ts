/** The command line's flags, read into the same Settings the action uses. Pure. */
import { isAbsolute, join } from 'node:path'
import { parseArgs as parse } from 'node:util'
import { InputError } from '../errors.js'
import type { Settings } from '../inputs.js'

/**
 * The one table of flags: `parseArgs` reads the command line from it and `--help` is written from
 * it, so the help cannot name a flag the parser refuses, nor leave one out.
 */
const OPTIONS = {
  roster: { type: 'string', value: 'PATH', help: ['the roster (default: .github/member-audit.yml)'] },
  out: {
    type: 'string',
    value: 'DIR',
    help: ['where to write summary.md, report.json, report.csv (default: member-audit-output)']
  },
  'dry-run': {
    type: 'boolean',
    help: ['read only: write nothing to GitHub (the tracking issue is shown, not written)']
  },
  'api-url': {
    type: 'string',
    value: 'URL',
    help: [
      "GitHub's REST API (default: $GITHUB_API_URL or https://api.github.com);",
      'for GitHub Enterprise Server: https://HOST/api/v3'
    ]
  },
  help: { type: 'boolean', short: 'h', help: ['show this help'] },
  version: { type: 'boolean', help: ['show the version'] }
} as const satisfies Record<string, { type: 'string' | 'boolean'; short?: string; value?: string; help: string[] }>

type Flag = keyof typeof OPTIONS

function optionLines(): string {
  const flags = Object.entries(OPTIONS).map(([name, o]) => {
    const short = 'short' in o ? `-${o.short}, ` : ''
    return [`${short}--${name}${'value' in o ? ` ${o.value}` : ''}`, o] as const
  })
  const width = Math.max(...flags.map(([flag]) => flag.length)) + 2
  return flags
    .flatMap(([flag, o]) => o.help.map((line, i) => `  ${(i === 0 ? flag : '').padEnd(width)}${line}`.trimEnd()))
    .join('\n')
}

export const USAGE = `Usage: member-audit [options]

Audits the organizations in a roster for members with no public GitHub activity in the
policy's window, and writes summary.md, report.json and report.csv.

Options:
${optionLines()}

The token comes from $GH_TOKEN, else $GITHUB_TOKEN, else \`gh auth token\` (GitHub CLI).
It needs read:org (classic token) or Organization "Members: read" (fine-grained token).

Without --dry-run, the tracking issue named by the roster's tracking-issue.repo is written.

Exit status: 0 the audit completed (whatever it found); 1 bad input (roster, flags, token,
permissions), nothing written; 2 incomplete run (more unknown people than
max-unknown-percent), tracking issue left as it was; 3 any other failure.`

export interface CliRequest {
  help: boolean
  version: boolean
  roster: string
  out: string
  dryRun: boolean
  apiUrl: string | null
}

/**
 * The command line read strictly (`node:util` parseArgs): an unknown flag, a value given to a
 * flag that takes none (`--dry-run=false`), a flag without its value, or a stray argument is an
 * InputError that names it, before anything is read or written.
 */
export function parseArgs(argv: string[]): CliRequest {
  let values: { [K in Flag]?: string | boolean }
  try {
    values = parse({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }).values
  } catch (error) {
    throw new InputError(`${explain(argv, error)} See member-audit --help.`)
  }
  const text = (flag: Flag): string | undefined => (typeof values[flag] === 'string' ? values[flag] : undefined)
  return {
    help: values.help === true,
    version: values.version === true,
    roster: text('roster') ?? '.github/member-audit.yml',
    out: text('out') ?? 'member-audit-output',
    dryRun: values['dry-run'] === true,
    apiUrl: text('api-url') ?? null
  }
}

/**
 * What is wrong, in this tool's words and the same on every Node version: the arguments read
 * again leniently, token by token, to name the first one the strict reading refused. Node's own
 * message is the fallback.
 */
function explain(argv: string[], error: unknown): string {
  const { tokens } = parse({ args: argv, options: OPTIONS, strict: false, allowPositionals: true, tokens: true })
  for (const token of tokens) {
    if (token.kind === 'positional') return `Unexpected argument ${JSON.stringify(token.value)}.`
    if (token.kind !== 'option') continue
    const option = (OPTIONS as Record<string, (typeof OPTIONS)[Flag]>)[token.name]
    if (!option) return `Unknown option ${JSON.stringify(token.rawName)}.`
    if (option.type === 'boolean' && token.value !== undefined)
      return `${token.rawName} takes no value, but was given ${JSON.stringify(token.value)}: give ${token.rawName} alone to turn it on, leave it out otherwise.`
    if (option.type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('-'))))
      return `${token.rawName} needs a value.`
  }
  return error instanceof Error ? error.message : String(error)
}

/** GitHub's web address for an API address: api.github.com → github.com; HOST/api/v3 → HOST. */
export function serverUrlFor(apiUrl: string): string {
  const url = apiUrl.replace(/\/+$/, '')
  if (/^https:\/\/api\.github\.com$/i.test(url)) return 'https://github.com'
  return url.replace(/\/api\/v3$/i, '')
}

export function cliSettings(
  request: CliRequest,
  token: string,
  env: Record<string, string | undefined>,
  cwd: string
): Settings {
  const apiUrl = (request.apiUrl ?? env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '')
  if (!/^https?:\/\//.test(apiUrl))
    throw new InputError(`--api-url must be an http(s) URL, not ${JSON.stringify(apiUrl)}.`)
  return {
    rosterInput: request.roster,
    rosterPath: isAbsolute(request.roster) ? request.roster : join(cwd, request.roster),
    token,
    issueToken: token,
    dryRun: request.dryRun,
    apiUrl,
    serverUrl: serverUrlFor(apiUrl),
    repository: null,
    workspace: cwd,
    outputDir: isAbsolute(request.out) ? request.out : join(cwd, request.out)
  }
}
