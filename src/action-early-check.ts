// Imported first by the action's entry, so it runs before @actions/github loads (see early-check.ts).
import { stopOnBadAddress } from './early-check.js'

stopOnBadAddress(process.env, (message) => process.stdout.write(`::error::${message}\n`))
