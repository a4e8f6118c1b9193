/** Who may be adjusted at apply time: every condition, each refusal with its reason. */
import { personRefusal as ineligibility } from '../src/adjust/refusals.js'

const due = { login: 'alice', status: 'inactive', bot: false, contactedOn: '2026-04-01' } as const

describe('eligibility at apply time', () => {
  test('contacted, grace passed, still inactive: eligible', () => {
    expect(ineligibility(due, '2026-06-01', 30, 'auditor')).toBeNull()
  })
  test.each([
    [{ ...due, status: 'active' as const }, 'active again on a fresh check just now (active)'],
    [{ ...due, status: 'approaching' as const }, 'active again on a fresh check just now (approaching)'],
    [{ ...due, status: 'exempt' as const }, 'exempt (roster exemptions)'],
    [{ ...due, status: 'unknown' as const }, 'unknown: their activity could not be fully read just now'],
    [{ ...due, bot: true }, 'bots are not adjusted'],
    [{ ...due, login: 'Auditor' }, "the token's own account is never adjusted"],
    [{ login: 'alice', status: 'inactive' as const, bot: false }, 'not marked contacted on the tracking issue'],
    [{ ...due, contactedOn: '2026-05-15' }, 'contacted on 2026-05-15: the grace period (30 days) has not passed']
  ])('%j is refused: %s', (candidate, reason) => {
    expect(ineligibility(candidate, '2026-06-01', 30, 'auditor')).toBe(reason)
  })
})
