// Imported first by the command line's entry, so it runs before @actions/github loads (see early-check.ts).
import { stopOnBadAddress } from './early-check.js'

stopOnBadAddress(process.env, (message) => process.stderr.write(`error: ${message}\n`))
