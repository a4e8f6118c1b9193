// The command line's entry (dist/cli.js, the package's `member-audit` bin); see cli/main.ts.
import './entry-check.js'
import { main } from './cli/main.js'

process.exitCode = await main(process.argv.slice(2), process.env, process.cwd())
