/**
 * Checks the runner's addresses before the GitHub client library loads: @actions/github builds
 * its proxy agent from GITHUB_API_URL while loading, and a value that is not a URL crashes there
 * with a bare "Invalid URL" and a stack trace. Each entry imports its own check first.
 */
import { webAddressProblem } from './inputs.js'

export function stopOnBadAddress(env: Record<string, string | undefined>, report: (message: string) => void): void {
  for (const name of ['GITHUB_API_URL', 'GITHUB_SERVER_URL'] as const) {
    const problem = webAddressProblem(env, name)
    if (problem) {
      report(problem)
      process.exit(1)
    }
  }
}
