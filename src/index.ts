import './action-early-check.js'
import { run } from './main.js'

await run()
