/**
 * The action's inputs and the runner environment it honours (PRODUCT.md, "Action inputs" and
 * "Environment"), read once and checked before anything else happens.
 */
import { isAbsolute, join } from 'node:path'
import { tmpdir } from 'node:os'
import { InputError } from './errors.js'

export interface Settings {
  /** The roster path as the user wrote it (for messages) and as a file to open. */
  rosterInput: string
  rosterPath: string
  token: string
  issueToken: string
  dryRun: boolean
  apiUrl: string
  serverUrl: string
  /** `owner/name` of the workflow's repository, when running in Actions. */
  repository: string | null
  outputDir: string
}

type Env = Record<string, string | undefined>

/** An action input as the runner passes it: INPUT_<NAME>, upper case, spaces as underscores. */
export function input(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

/** YAML 1.2 core-schema booleans, as `core.getBooleanInput` accepts them, with a clearer message. */
export function booleanInput(env: Env, name: string, fallback: boolean): boolean {
  const raw = input(env, name)
  if (raw === '') return fallback
  if (['true', 'True', 'TRUE'].includes(raw)) return true
  if (['false', 'False', 'FALSE'].includes(raw)) return false
  throw new InputError(`Input "${name}" must be true or false, not "${raw}".`)
}

export function readSettings(env: Env): Settings {
  const rosterInput = input(env, 'roster') || '.github/member-audit.yml'
  const workspace = env.GITHUB_WORKSPACE || process.cwd()
  const token = input(env, 'token')
  if (!token) {
    throw new InputError('Input "token" is empty. Pass a token that can read the organizations (see the README, "Tokens and permissions").')
  }
  return {
    rosterInput,
    rosterPath: isAbsolute(rosterInput) ? rosterInput : join(workspace, rosterInput),
    token,
    issueToken: input(env, 'issue-token') || token,
    dryRun: booleanInput(env, 'dry-run', false),
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    repository: env.GITHUB_REPOSITORY || null,
    outputDir: join(env.RUNNER_TEMP || tmpdir(), 'member-audit')
  }
}
