/**
 * dist/licenses.txt, written by the build (rollup-plugin-license, rollup.config.js): every
 * package bundled into dist/index.js or dist/cli.js with its licence text. That it matches the
 * source is the dist check's job in .ci/run (a stale or missing file differs from the build).
 */
import { execFileSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'

const read = (path: string): Promise<string> => readFile(new URL(`../${path}`, import.meta.url), 'utf8')

describe('third-party notices', () => {
  test('every bundled package is listed with its licence text; only production dependencies are', async () => {
    const text = await read('dist/licenses.txt')
    const entries = text.split(`\n${'-'.repeat(72)}\n\n`)
    const listed = entries.map((e) => /^(?:.*\n)*?(@?[^@\s]+)@(\d[^\s]*)\nLicense: (.+)\n/.exec(e))
    expect(listed.every(Boolean)).toBe(true)
    const count = Number(/\((\d+) packages\)/.exec(text)![1])
    expect(listed).toHaveLength(count)
    for (const entry of entries) expect(entry).not.toMatch(/ships no licence file/)
    for (const m of listed) expect(m![3]).toMatch(/^(MIT|ISC|Apache-2\.0|BSD-[23]-Clause)$/)

    const names = new Set(listed.map((m) => m![1]!))
    const pkg = JSON.parse(await read('package.json')) as { dependencies: Record<string, string> }
    for (const direct of Object.keys(pkg.dependencies))
      expect({ direct, listed: names.has(direct) }).toEqual({ direct, listed: true })
    const production = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { encoding: 'utf8' })
      .split('\n')
      .map((path) => path.split('node_modules/').pop()!)
    for (const name of names)
      expect({ name, production: production.includes(name) }).toEqual({ name, production: true })
    expect(names).toContain('undici') // what @actions/github's client sends requests with
  })
})
