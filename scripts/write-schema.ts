/** Writes roster.schema.json from the roster's shape (src/roster/schema.ts), the one source of truth. */
import { writeFile } from 'node:fs/promises'
import { rosterJsonSchema } from '../src/roster/schema.js'

await writeFile('roster.schema.json', JSON.stringify(rosterJsonSchema(), null, 2) + '\n')
console.log('wrote roster.schema.json')
