/** Who counts as new (memory/memory.ts): pure rules over the memory, the roster and today. */
import { markNewMembers, remember } from '../src/memory/memory.js'
import type { Person } from '../src/members/people.js'
import { parseRoster } from '../src/roster/load.js'
import type { Verdict } from '../src/verdicts/classify.js'

const person = (login: string, orgs: string[], id?: number): Person => ({
  login,
  key: login,
  type: 'User',
  memberships: orgs.map((org) => ({ org, role: 'member', public: true })),
  ...(id !== undefined ? { id } : {})
})
const inactive = (p: Person): Verdict => ({ person: p, status: 'inactive' }) as unknown as Verdict

test("new in every organization they belong to, by each one's new-member-days; known from the first run; by id across a rename", () => {
  const roster = parseRoster('version: 1\nnew-member-days: 30\norgs: [a, {name: b, new-member-days: 0}]\n', 'r.yml')
  const first = remember(null, [person('old', ['a'], 1)], '2026-01-01')
  const second = remember(
    first,
    [person('old', ['a', 'b'], 1), person('fresh', ['a'], 2), person('both', ['a', 'b'], 3)],
    '2026-01-10'
  )
  const renamed = person('old-renamed', ['a'], 1)
  const verdicts = [inactive(renamed), inactive(person('fresh', ['a'], 2)), inactive(person('both', ['a', 'b'], 3))]
  expect(markNewMembers(second, verdicts, roster, '2026-01-20')).toBe(1)
  // old: seen on the memory's first run (by id, under another login now); both: b's new-member-days is 0.
  expect(verdicts.map((v) => v.newMember ?? null)).toEqual([null, { firstSeen: '2026-01-10' }, null])
  // 30 days after first seen: no longer new.
  const later = [inactive(person('fresh', ['a'], 2))]
  expect(markNewMembers(second, later, roster, '2026-02-09')).toBe(0)
  // Someone who left is forgotten: joining again, they are new again.
  const third = remember(second, [person('old', ['a'], 1)], '2026-03-01')
  expect(third.firstSeen.a).toEqual({ '#1': '2026-01-01' })
})
