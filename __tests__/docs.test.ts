/**
 * The documentation stays true to the code: the README's generated sections (roster reference,
 * retry policy) are what the code says,
 * every example workflow is valid YAML using only inputs the action has, and the rendered samples
 * are what the demo world renders today (`npm run docs` refreshes all three).
 */
import { readFile, readdir } from 'node:fs/promises'
import { parse } from 'yaml'
import { rosterReference } from '../src/roster/reference.js'
import { ADJUSTMENTS_NOTE, README_SECTIONS, sectionIn, workflowSnippet } from '../scripts/readme-sections.js'
import { renderAdjustmentSamples } from '../fake-github/adjust-samples.js'
import { renderSamples } from '../fake-github/samples.js'

/**
 * The majors of every action a workflow here uses, the project's own (.github/workflows/) and the
 * ones users copy (README, docs/), as of 2026-12: checkout v7 (v7.0.0 blocks checking out a fork's
 * code under pull_request_target and workflow_run) and setup-node v7 (ESM internals, no dummy
 * NODE_AUTH_TOKEN) run on node24, as do upload-artifact v7 and download-artifact v8 (GitHub moved
 * Node 20 actions to Node 24 on 2026-06-02); codeql-action v4 runs on node24 (v3, on node20, is
 * deprecated in 2026-12 by its CHANGELOG); create-github-app-token v3 deprecates `app-id` for
 * `client-id`. Dependabot (.github/dependabot.yml) proposes the project's own bumps; this table
 * makes the examples follow.
 */
const TODAYS_MAJORS: Record<string, string> = {
  'actions/checkout': 'v7',
  'actions/setup-node': 'v7',
  'actions/upload-artifact': 'v7',
  'actions/download-artifact': 'v8',
  'actions/create-github-app-token': 'v3',
  'github/codeql-action/init': 'v4',
  'github/codeql-action/analyze': 'v4',
  'member-audit/member-audit': 'v1'
}

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
      'private-tracking-repo.yml',
      'quick-start.yml'
    ])
    for (const [name, text] of await Promise.all(
      files.map(async (f) => [f, await read(`docs/examples/${f}`)] as const)
    )) {
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

  test("every workflow README.md and docs/ show is an example file (README's are written from them)", async () => {
    const readme = await read('README.md')
    const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((b) => /^jobs:/m.test(b))
    const examples = ['quick-start.yml', 'apply.yml'].map((f) => workflowSnippet(f))
    expect(blocks.map((b) => `\`\`\`yaml\n${b}\`\`\``)).toEqual(examples)
  })

  test("every action a workflow here or a snippet uses is at today's major; App tokens use client-id, never app-id", async () => {
    const texts = [await read('README.md'), await read('SECURITY.md'), await read('docs/contract.md')]
    for (const dir of ['docs/examples', '.github/workflows'])
      for (const f of await readdir(new URL(`../${dir}/`, import.meta.url))) texts.push(await read(`${dir}/${f}`))
    const uses = texts.flatMap((t) => [...t.matchAll(/uses: *([^\s`]+)/g)].map((m) => m[1]!))
    expect(uses.length).toBeGreaterThan(10)
    for (const ref of uses) {
      const [action, major] = ref.split('@')
      expect({ ref, major: TODAYS_MAJORS[action!] }).toEqual({ ref, major })
    }
    expect(uses).toContain('actions/create-github-app-token@v3')
    for (const t of texts) expect(t).not.toMatch(/^\s*app-id:/m)
  })

  test('the rendered samples in docs/examples are current (run `npm run docs` when this fails)', async () => {
    const { summary, issue } = await renderSamples()
    expect(await read('docs/examples/summary.md')).toBe(summary)
    expect(await read('docs/examples/tracking-issue.md')).toBe(issue)
    expect(await read('docs/examples/adjustments.md')).toBe(ADJUSTMENTS_NOTE + renderAdjustmentSamples())
  })
})
