/**
 * `npm run docs`: writes what the documentation shows from the code, so it cannot drift — the
 * README's roster reference (from the roster's shape) and the rendered samples in docs/examples/.
 * Tests fail when any of them is stale.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { REFERENCE_END, REFERENCE_START, rosterReference } from '../src/roster/reference.js'
import { renderSamples } from '../fake-github/samples.js'

const readme = await readFile('README.md', 'utf8')
const start = readme.indexOf(REFERENCE_START)
const end = readme.indexOf(REFERENCE_END)
if (start < 0 || end < 0) throw new Error('README.md has no roster reference markers')
await writeFile(
  'README.md',
  `${readme.slice(0, start + REFERENCE_START.length)}\n${rosterReference()}\n${readme.slice(end)}`
)

const { summary, issue } = await renderSamples()
await writeFile('docs/examples/summary.md', summary)
await writeFile('docs/examples/tracking-issue.md', issue)
console.log('wrote README.md (roster reference), docs/examples/summary.md, docs/examples/tracking-issue.md')
