/**
 * The README's sections written from the code, between markers, so they cannot drift: `npm run
 * docs` writes them, and docs.test.ts fails when one is stale.
 */
import { readFileSync } from 'node:fs'
import { renderAdjustmentSamples } from '../fake-github/adjust-samples.js'
import { retryPolicyText } from '../src/github/retry-policy.js'
import { requirementsTable } from '../src/preflight/requirements.js'
import { REFERENCE_END, REFERENCE_START, rosterReference } from '../src/roster/reference.js'

export interface ReadmeSection {
  name: string
  start: string
  end: string
  text: () => string
}

/**
 * An example workflow as the README shows it: the file without its opening comment (the README's
 * own text says what it is for), so a snippet users copy is the file the checks validate.
 */
export function workflowSnippet(file: string): string {
  const text = readFileSync(new URL(`../docs/examples/${file}`, import.meta.url), 'utf8')
  return `\`\`\`yaml\n${text.replace(/^(#.*\n)+/, '')}\`\`\``
}

const workflow = (name: string, file: string): ReadmeSection => ({
  name,
  start: `<!-- ${name}:start (written by \`npm run docs\` from docs/examples/${file}) -->`,
  end: `<!-- ${name}:end -->`,
  text: () => workflowSnippet(file)
})

export const README_SECTIONS: ReadmeSection[] = [
  workflow('quick-start-workflow', 'quick-start.yml'),
  workflow('apply-workflow', 'apply.yml'),
  { name: 'roster reference', start: REFERENCE_START, end: REFERENCE_END, text: rosterReference },
  {
    name: 'retry policy',
    start: '<!-- retry-policy:start (written by `npm run docs` from src/github/retry-policy.ts) -->',
    end: '<!-- retry-policy:end -->',
    text: retryPolicyText
  },
  {
    name: 'requirements',
    start: '<!-- requirements:start (written by `npm run docs` from src/preflight/requirements.ts) -->',
    end: '<!-- requirements:end -->',
    text: requirementsTable
  },
  {
    name: 'adjustment comments',
    start:
      '<!-- adjustment-comments:start (written by `npm run docs` from src/adjust/record-text.ts and outcome.ts) -->',
    end: '<!-- adjustment-comments:end -->',
    text: () => renderAdjustmentSamples().trim()
  }
]

/** The first line of docs/examples/adjustments.md. */
export const ADJUSTMENTS_NOTE =
  '<!-- What apply mode writes, rendered by `npm run docs` from src/adjust/record-text.ts and src/adjust/outcome.ts. -->\n\n'

/** The text between a section's markers, or null when the markers are missing. */
export function sectionIn(readme: string, section: ReadmeSection): string | null {
  const start = readme.indexOf(section.start)
  const end = readme.indexOf(section.end)
  return start < 0 || end < 0 ? null : readme.slice(start + section.start.length, end).trim()
}

/** The README with every section rewritten. */
export function withSections(readme: string): string {
  let text = readme
  for (const section of README_SECTIONS) {
    const start = text.indexOf(section.start)
    const end = text.indexOf(section.end)
    if (start < 0 || end < 0) throw new Error(`README.md has no markers for the ${section.name}`)
    text = `${text.slice(0, start + section.start.length)}\n${section.text()}\n${text.slice(end)}`
  }
  return text
}
