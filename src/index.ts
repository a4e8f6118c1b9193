import './entry-check.js'
import { run } from './main.js'

await run()
