/** The token for a terminal run: $GH_TOKEN, else $GITHUB_TOKEN, else the GitHub CLI's. */
import { execFile } from 'node:child_process'
import { InputError } from '../errors.js'

export async function findToken(env: Record<string, string | undefined>): Promise<string> {
  const fromEnv = env.GH_TOKEN?.trim() || env.GITHUB_TOKEN?.trim()
  if (fromEnv) return fromEnv
  const fromGh = await new Promise<string>((resolve) => {
    execFile('gh', ['auth', 'token'], { timeout: 10_000 }, (error, stdout) => resolve(error ? '' : stdout.trim()))
  })
  if (fromGh) return fromGh
  throw new InputError(
    'No token: set GH_TOKEN (or GITHUB_TOKEN) to a token with read:org (classic) or Organization "Members: read" (fine-grained), or log in with `gh auth login`.'
  )
}
