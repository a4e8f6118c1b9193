/**
 * The conventions of a released action stay true (CONTRIBUTING.md): one Node major for the
 * runtime everywhere it is declared, CI that runs `.ci/run` and checks dist/, workflows with
 * least-privilege permissions, a coverage gate that `npm test` enforces, dist/ marked generated.
 * Whether the workflows are valid is `npm run lint:workflows`' job (action-validator, actionlint).
 */
import { readFile, readdir } from 'node:fs/promises'
import type { Config } from 'jest'
import { parse } from 'yaml'

const read = (path: string): Promise<string> => readFile(new URL(`../${path}`, import.meta.url), 'utf8')

interface Job {
  permissions?: Record<string, string>
  steps: { uses?: string; run?: string; with?: Record<string, string> }[]
}
interface Workflow {
  on: Record<string, unknown>
  permissions?: Record<string, string>
  jobs: Record<string, Job>
}

async function workflows(): Promise<[string, Workflow][]> {
  const files = await readdir(new URL('../.github/workflows/', import.meta.url))
  return Promise.all(files.map(async (f) => [f, parse(await read(`.github/workflows/${f}`)) as Workflow] as const))
}

describe('release conventions', () => {
  test("engines, .node-version and every workflow's setup-node name the runtime action.yml declares", async () => {
    const using = (parse(await read('action.yml')) as { runs: { using: string } }).runs.using
    const major = using.replace(/^node/, '')
    const pkg = JSON.parse(await read('package.json')) as { engines: { node: string } }
    expect({ using, engines: pkg.engines.node, nodeVersion: (await read('.node-version')).trim() }).toEqual({
      using: `node${major}`,
      engines: `>=${major}`,
      nodeVersion: major
    })
    const setups = (await workflows()).flatMap(([file, wf]) =>
      Object.values(wf.jobs)
        .flatMap((j) => j.steps)
        .filter((step) => step.uses?.startsWith('actions/setup-node@'))
        .map((step) => ({ file, with: step.with }))
    )
    expect(setups.length).toBeGreaterThan(0)
    for (const setup of setups)
      expect(setup).toEqual({ file: setup.file, with: { 'node-version-file': '.node-version' } })
  })

  test('CI runs .ci/run and compares dist/ on every push to main and pull request', async () => {
    const ci = new Map(await workflows()).get('ci.yml')!
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push'])
    const runs = Object.values(ci.jobs).map((j) => j.steps.map((s) => s.run ?? '').join('\n'))
    expect(runs.filter((r) => /^bash \.ci\/run$/m.test(r))).toHaveLength(1)
    expect(runs.filter((r) => /npm run build/.test(r) && /git status --porcelain -- dist/.test(r))).toHaveLength(1)
    expect(await read('.ci/run')).toMatch(/npm run build\n.*git diff --quiet -- dist/)
  })

  test("every workflow reads only, but CodeQL's upload of its results", async () => {
    for (const [file, wf] of await workflows()) {
      expect({ file, permissions: wf.permissions }).toEqual({ file, permissions: { contents: 'read' } })
      for (const [name, job] of Object.entries(wf.jobs)) {
        const writes = Object.entries(job.permissions ?? {}).filter(([, level]) => level !== 'read')
        const allowed = file === 'codeql.yml' ? [['security-events', 'write']] : []
        expect({ file, name, writes }).toEqual({ file, name, writes: allowed })
      }
    }
  })

  test('npm test enforces the coverage threshold; dist/ is marked generated', async () => {
    const pkg = JSON.parse(await read('package.json')) as { scripts: Record<string, string> }
    expect(pkg.scripts.test).toMatch(/\bjest --coverage\b/)
    // Imported by URL: jest.config.js is JavaScript, outside what tsc reads.
    const configFile = new URL('../jest.config.js', import.meta.url).pathname
    const { default: config } = (await import(configFile)) as { default: Config }
    const global = config.coverageThreshold?.global ?? {}
    for (const kind of ['statements', 'branches', 'functions', 'lines'] as const)
      expect({ kind, at: global[kind] }).toEqual({ kind, at: expect.any(Number) })
    expect(await read('.gitattributes')).toMatch(/^dist\/\*\* -diff linguist-generated=true$/m)
  })
})
