/**
 * The house's own rules hold by themselves (#23): `npm run lint` fails on an import cycle. The
 * package's `lint:cycles` command is run as written, on a two-file tree, with and without a cycle.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const script = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts[
  'lint:cycles'
]!

function cyclesCheck(files: Record<string, string>): number {
  const dir = mkdtempSync(join(tmpdir(), 'cycles-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  // The same command, pointed at the two files instead of the project's folders.
  const [command, ...args] = script.replace(/ --ts-config \S+/, '').split(' ')
  const targets = args.filter((a) => !a.startsWith('-') && !['ts'].includes(a))
  const flags = args.filter((a) => !targets.includes(a))
  try {
    execFileSync(join('node_modules', '.bin', command!), [...flags, dir], { stdio: 'pipe' })
    return 0
  } catch (error) {
    return (error as { status: number }).status
  }
}

test('lint:cycles fails on an import cycle and passes without one', () => {
  expect(script).toMatch(/^madge --circular .* src/)
  expect(
    cyclesCheck({ 'a.ts': "import { b } from './b.js'\nexport const a = b\n", 'b.ts': 'export const b = 1\n' })
  ).toBe(0)
  expect(
    cyclesCheck({
      'a.ts': "import { b } from './b.js'\nexport const a = () => b\n",
      'b.ts': "import { a } from './a.js'\nexport const b = () => a\n"
    })
  ).toBe(1)
}, 30_000)
