/** The command line's flags, read into the same Settings the action uses. Pure. */
import { isAbsolute, join } from 'node:path'
import { InputError } from '../errors.js'
import type { Settings } from '../inputs.js'

export const USAGE = `Usage: member-audit [options]

Audits the organizations in a roster for members with no public GitHub activity in the
policy's window, and writes summary.md, report.json and report.csv.

Options:
  --roster PATH     the roster (default: .github/member-audit.yml)
  --out DIR         where to write summary.md, report.json, report.csv (default: member-audit-output)
  --dry-run         read only: write nothing to GitHub (the tracking issue is shown, not written)
  --api-url URL     GitHub's REST API (default: $GITHUB_API_URL or https://api.github.com);
                    for GitHub Enterprise Server: https://HOST/api/v3
  --help            show this help
  --version         show the version

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

export function parseArgs(argv: string[]): CliRequest {
  const request: CliRequest = {
    help: false,
    version: false,
    roster: '.github/member-audit.yml',
    out: 'member-audit-output',
    dryRun: false,
    apiUrl: null
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined]
    const value = (): string => {
      const v = inline ?? argv[++i]
      if (v === undefined || v.startsWith('--')) throw new InputError(`${flag} needs a value. See member-audit --help.`)
      return v
    }
    switch (flag) {
      case '--help':
      case '-h':
        request.help = true
        break
      case '--version':
        request.version = true
        break
      case '--roster':
        request.roster = value()
        break
      case '--out':
        request.out = value()
        break
      case '--dry-run':
        request.dryRun = true
        break
      case '--api-url':
        request.apiUrl = value()
        break
      default:
        throw new InputError(`Unknown option ${JSON.stringify(arg)}. See member-audit --help.`)
    }
  }
  return request
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
