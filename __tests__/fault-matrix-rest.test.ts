/** The fault matrix's REST reads (see fault-matrix.ts). */
import { CASES, isGraphql, expectCaseHolds } from './fault-matrix.js'

test.each(
  CASES.filter((c) => !isGraphql(c.read)).map(
    (c) => [c.read.read, c.kind, c.times === 1 ? 'once' : 'every time', c] as const
  )
)('%s answered %s (%s)', (_read, _kind, _times, c) => expectCaseHolds(c), 30_000)
