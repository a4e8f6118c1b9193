/**
 * `npm run docs`: writes what the documentation shows from the code, so it cannot drift — the
 * README's generated sections (scripts/readme-sections.ts) and the rendered samples in
 * docs/examples/. Tests fail when any of them is stale.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { renderSamples } from '../fake-github/samples.js'
import { renderAdjustmentSamples } from '../fake-github/adjust-samples.js'
import { ADJUSTMENTS_NOTE, README_SECTIONS, withSections } from './readme-sections.js'

await writeFile('README.md', withSections(await readFile('README.md', 'utf8')))
const { summary, issue } = await renderSamples()
await writeFile('docs/examples/summary.md', summary)
await writeFile('docs/examples/tracking-issue.md', issue)
await writeFile('docs/examples/adjustments.md', ADJUSTMENTS_NOTE + renderAdjustmentSamples())
console.log(
  `wrote README.md (${README_SECTIONS.map((s) => s.name).join(', ')}), docs/examples/summary.md, docs/examples/tracking-issue.md, docs/examples/adjustments.md`
)
