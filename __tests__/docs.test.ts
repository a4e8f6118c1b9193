/**
 * The documentation stays true to the code: the README's generated sections (roster reference,
 * retry policy) are what the code says,
 * every example workflow is valid YAML using only inputs the action has, and the rendered samples
 * are what the demo world renders today (`npm run docs` refreshes all three).
 */
import { readFile, readdir } from 'node:fs/promises'
import { parse } from 'yaml'
import { rosterReference } from '../src/roster/reference.js'
import { ADJUSTMENTS_NOTE, README_SECTIONS, sectionIn } from '../scripts/readme-sections.js'
import { renderAdjustmentSamples } from '../fake-github/adjust-samples.js'
import { renderSamples } from '../fake-github/samples.js'

const read = (path: string): Promise<string> => readFile(new URL(`../${path}`, import.meta.url), 'utf8')

describe('documentation', () => {
  test.each(README_SECTIONS.map((s) => [s.name, s] as const))(
    "the README's %s is written from the code (run `npm run docs` when this fails)",
    async (_name, section) => {
      expect(sectionIn(await read('README.md'), section)).toBe(section.text())
    }
  )

  test('the roster reference names every key', () => {
    const reference = rosterReference()
    for (const key of [
      'version',
      'orgs',
      'exemptions[].reason',
      'tracking-issue.grace-days',
      'include.bots',
      'max-unknown-percent'
    ])
      expect(reference).toContain(`\`${key}\``)
  })

  test('every example workflow is valid YAML and passes the action only inputs it declares', async () => {
    const action = parse(await read('action.yml')) as {
      inputs: Record<string, unknown>
      outputs: Record<string, unknown>
    }
    const files = (await readdir(new URL('../docs/examples/', import.meta.url))).filter((f) => f.endsWith('.yml'))
    expect(files.sort()).toEqual([
      'apply.yml',
      'ghes.yml',
      'github-app.yml',
      'monthly.yml',
      'private-tracking-repo.yml'
    ])
    const readme = await read('README.md')
    const quickStart = /## Quick start[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)![1]!
    for (const [name, text] of [
      ...(await Promise.all(files.map(async (f) => [f, await read(`docs/examples/${f}`)] as const))),
      ['README quick start', quickStart] as const
    ]) {
      const workflow = parse(text) as {
        on: unknown
        jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown>; id?: string }[] }>
      }
      expect(workflow.on).toBeDefined()
      // One step of the action per job (apply.yml has two jobs: the schedule's and the comments').
      const steps = Object.values(workflow.jobs).flatMap((j) =>
        j.steps.filter((s) => s.uses?.startsWith('member-audit/member-audit@'))
      )
      expect({ name, steps: steps.length }).toEqual({ name, steps: Object.keys(workflow.jobs).length })
      for (const input of steps.flatMap((s) => Object.keys(s.with ?? {})))
        expect({ name, input, known: input in action.inputs }).toEqual({ name, input, known: true })
      for (const used of text.match(/steps\.audit\.outputs\.([a-z-]+)/g) ?? [])
        expect(Object.keys(action.outputs)).toContain(used.split('.').pop())
    }
  })

  test('the rendered samples in docs/examples are current (run `npm run docs` when this fails)', async () => {
    const { summary, issue } = await renderSamples()
    expect(await read('docs/examples/summary.md')).toBe(summary)
    expect(await read('docs/examples/tracking-issue.md')).toBe(issue)
    expect(await read('docs/examples/adjustments.md')).toBe(ADJUSTMENTS_NOTE + renderAdjustmentSamples())
  })
})
