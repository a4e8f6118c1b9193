/**
 * The action's inputs and the runner environment it honours (docs/contract.md, "Action inputs" and
 * "Environment"), read once and checked before anything else happens.
 */
import { readFileSync } from 'node:fs'
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
  /** `audit` (default, also when absent): today's run; `apply`: also carry out approved adjustments (src/adjust/). */
  mode?: Mode
  /** Secret that encrypts the snapshots kept for reinstatement (apply mode); empty otherwise. */
  snapshotKey?: string
  apiUrl: string
  serverUrl: string
  /** `owner/name` of the workflow's repository, when running in Actions. */
  repository: string | null
  /** The checkout (GITHUB_WORKSPACE), or the command line's working folder: the tracking issue's id is the roster's path from here. */
  workspace: string
  outputDir: string
  /**
   * Set when the run was started by a comment (GITHUB_EVENT_NAME `issue_comment`): the issue it is
   * on, from the event's payload (GITHUB_EVENT_PATH). In apply mode such a run only reads commands.
   */
  commentOnIssue?: number | null
  /**
   * The `author_association` of the comment that started the run (OWNER, MEMBER, COLLABORATOR,
   * CONTRIBUTOR, NONE…), from the same payload; null when the payload does not say.
   */
  commentAuthorAssociation?: string | null
}

type Mode = 'audit' | 'apply'

type Env = Record<string, string | undefined>

/** An action input as the runner passes it: INPUT_<NAME>, upper case, spaces as underscores. */
function input(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

/** YAML 1.2 core-schema booleans, as `core.getBooleanInput` accepts them, with a clearer message. */
function booleanInput(env: Env, name: string, fallback: boolean): boolean {
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
    throw new InputError(
      'Input "token" is empty. Pass a token that can read the organizations (see the README, "Tokens and permissions").'
    )
  }
  // A token with a space or line break in it (two pasted, or a trailing newline inside a secret
  // that was joined) would fail later as an invalid header, far from the cause.
  if (/\s/.test(token)) throw new InputError('Input "token" contains a space or line break. Pass exactly one token.')
  const issueToken = input(env, 'issue-token')
  if (/\s/.test(issueToken))
    throw new InputError('Input "issue-token" contains a space or line break. Pass exactly one token.')
  return {
    rosterInput,
    rosterPath: isAbsolute(rosterInput) ? rosterInput : join(workspace, rosterInput),
    token,
    issueToken: issueToken || token,
    dryRun: booleanInput(env, 'dry-run', false),
    ...modeInputs(env),
    apiUrl: webAddress(env, 'GITHUB_API_URL'),
    serverUrl: webAddress(env, 'GITHUB_SERVER_URL'),
    repository: env.GITHUB_REPOSITORY || null,
    workspace,
    outputDir: join(env.RUNNER_TEMP || tmpdir(), 'member-audit'),
    ...(env.GITHUB_EVENT_NAME === 'issue_comment' ? commentEvent(env.GITHUB_EVENT_PATH) : {})
  }
}

/** `mode` and the `snapshot-key` that apply mode needs (a snapshot must never be written in clear). */
function modeInputs(env: Env): { mode: Mode; snapshotKey: string } {
  const mode = input(env, 'mode') || 'audit'
  if (mode !== 'audit' && mode !== 'apply') throw new InputError(`Input "mode" must be audit or apply, not "${mode}".`)
  const snapshotKey = input(env, 'snapshot-key')
  if (mode === 'apply' && snapshotKey.length < 16)
    throw new InputError(
      'Input "mode" is apply, but "snapshot-key" is empty or shorter than 16 characters. Pass a long random secret (see the README, "Adjusting privileges and reinstating").'
    )
  return { mode, snapshotKey }
}

/** An http(s) address from the environment, without a trailing slash. */
function webAddress(env: Env, name: AddressVariable): string {
  const problem = webAddressProblem(env, name)
  if (problem) throw new InputError(problem)
  return (env[name] || DEFAULT_ADDRESSES[name]).trim().replace(/\/+$/, '')
}

const DEFAULT_ADDRESSES = { GITHUB_API_URL: 'https://api.github.com', GITHUB_SERVER_URL: 'https://github.com' }
export type AddressVariable = keyof typeof DEFAULT_ADDRESSES

/** Why an address variable is unusable (not an http(s) URL), or null when it is fine or unset. */
export function webAddressProblem(env: Env, name: AddressVariable): string | null {
  const value = (env[name] ?? '').trim()
  if (!value) return null
  let url: URL | null
  try {
    url = new URL(value)
  } catch {
    url = null
  }
  if (url && (url.protocol === 'https:' || url.protocol === 'http:')) return null
  return `${name} must be an http(s) address such as ${DEFAULT_ADDRESSES[name]}, not "${value}".`
}

/**
 * The issue number and the comment's `author_association` of an `issue_comment` event's payload
 * (docs: webhook-events-and-payloads#issue_comment), each null when the payload does not hold it.
 */
function commentEvent(path: string | undefined): {
  commentOnIssue: number | null
  commentAuthorAssociation: string | null
} {
  const none = { commentOnIssue: null, commentAuthorAssociation: null }
  if (!path) return none
  try {
    const payload = JSON.parse(readFileSync(path, 'utf8')) as {
      issue?: { number?: unknown }
      comment?: { author_association?: unknown }
    }
    const association = payload.comment?.author_association
    return {
      commentOnIssue: typeof payload.issue?.number === 'number' ? payload.issue.number : null,
      commentAuthorAssociation: typeof association === 'string' ? association : null
    }
  } catch {
    return none
  }
}
