/** The fault matrix's GraphQL reads, and its check that it names every read (see fault-matrix.ts). */
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { auditWorld, rosterFor, statuses } from './helpers.js'
import { ONLY_SEEN_BY, TRUTH, matrixWorld } from './fault-matrix-world.js'
import { CASES, ELSEWHERE, READS, isGraphql, readsInCode, expectCaseHolds } from './fault-matrix.js'

test('the matrix names every read the code makes', () => {
  const named = new Set([...READS.map((r) => r.read), ...Object.keys(ELSEWHERE)])
  expect([...readsInCode()].filter((r) => !named.has(r)).sort()).toEqual([])
  // Each person's only act hides behind one read, and that read is in the matrix.
  expect(Object.values(ONLY_SEEN_BY).filter((read) => !READS.some((r) => r.read === read))).toEqual([])
  for (const [read, suite] of Object.entries(ELSEWHERE)) {
    expect({ read, exists: statSync(join('__tests__', suite)).isFile() }).toEqual({ read, exists: true })
  }
})

test('the clean run gives the truth', async () => {
  const { result } = await auditWorld(matrixWorld().world, rosterFor('acme'))
  expect(statuses(result)).toEqual(TRUTH)
})

test.each(
  CASES.filter((c) => isGraphql(c.read)).map(
    (c) => [c.read.read, c.kind, c.times === 1 ? 'once' : 'every time', c] as const
  )
)('%s answered %s (%s)', (_read, _kind, _times, c) => expectCaseHolds(c), 30_000)
