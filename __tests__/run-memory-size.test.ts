/** The run memory's size: thousands of members fit in comments under GitHub's 65,536-character limit. */
import { memoryBody, memoryParts, readMemory } from '../src/memory/store.js'
import type { RunMemory } from '../src/memory/memory.js'
import { TEXT_LIMIT } from '../src/tracking-issue/layout.js'

test('5,000 memberships in three organizations: every part under TEXT_LIMIT, read back whole', () => {
  const memory: RunMemory = { version: 1, started: '2026-01-01', firstSeen: {} }
  for (let i = 0; i < 5_000; i++) {
    const org = `org-${i % 3}`
    ;(memory.firstSeen[org] ??= {})[`#${100_000_000 + i}`] = '2026-02-03'
  }
  const parts = memoryParts(memory)
  expect(parts.length).toBe(5)
  const bodies = parts.map((p, i) => ({ id: i + 1, body: memoryBody('a key of sixteen+ characters', 'r.yml', p) }))
  for (const { body } of bodies) expect(body.length).toBeLessThan(TEXT_LIMIT)
  const read = readMemory('a key of sixteen+ characters', 'r.yml', bodies)
  expect(read.memory).toEqual(memory)
  // One part deleted: the memory is lost, not half read.
  expect(readMemory('a key of sixteen+ characters', 'r.yml', bodies.slice(1)).memory).toBeNull()
  expect(
    readMemory('a key of sixteen+ characters', 'r.yml', [...bodies.slice(0, 2), ...bodies.slice(3)]).memory
  ).toBeNull()
})
