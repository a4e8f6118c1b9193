/**
 * Imported first by both entries (the action and the command line), so it runs before
 * @actions/github loads: that library builds its proxy agent from GITHUB_API_URL while loading,
 * and a value that is not a URL crashes there with a bare "Invalid URL" and a stack trace.
 * In Actions (the runner sets GITHUB_ACTIONS=true) the problem is a workflow error command;
 * in a terminal, an `error:` line on stderr.
 */
import { webAddressProblem } from './inputs.js'

for (const name of ['GITHUB_API_URL', 'GITHUB_SERVER_URL'] as const) {
  const problem = webAddressProblem(process.env, name)
  if (problem) {
    if (process.env.GITHUB_ACTIONS === 'true') process.stdout.write(`::error::${problem}\n`)
    else process.stderr.write(`error: ${problem}\n`)
    process.exit(1)
  }
}
