/** The verdict rules, as pure functions: windows, exemptions and statuses. */
import type { Evidence } from '../src/activity/evidence.js'
import { admits } from '../src/activity/evidence.js'
import type { Person } from '../src/members/people.js'
import { mergePeople } from '../src/members/people.js'
import { parseRoster } from '../src/roster/load.js'
import { classify } from '../src/verdicts/classify.js'
import { exemptionFor } from '../src/verdicts/exemptions.js'
import { personWindow } from '../src/verdicts/window.js'

const NOW = new Date('2026-11-24T00:00:00Z')
const DAY = 86400000
const person = (login: string, orgs: string[] = ['acme']): Person => ({
  login,
  key: login.toLowerCase(),
  type: 'User',
  memberships: orgs.map((org) => ({ org, role: 'member' as const, public: true }))
})
const evidence = (days: number, extra: Partial<Evidence> = {}): Evidence => ({
  at: new Date(NOW.getTime() - days * DAY).toISOString(),
  kind: 'issue',
  url: null,
  repo: 'acme/x',
  private: false,
  source: 'contributions',
  ...extra
})

describe('verdicts', () => {
  const roster = parseRoster('version: 1\norgs: [acme]\n', 'r.yml')
  const window = personWindow(person('a'), roster, NOW)

  test.each([
    [0, 'active'],
    [334, 'active'],
    [336, 'approaching'],
    [364, 'approaching'],
    [365, 'approaching'],
    [366, 'inactive']
  ])('latest activity %i days ago → %s', (days, status) => {
    expect(classify(person('a'), window, evidence(days), [], null).status).toBe(status)
  })

  test('no evidence and a source that failed → unknown, never inactive', () => {
    expect(classify(person('a'), window, null, ['events: 502'], null).status).toBe('unknown')
    expect(classify(person('a'), window, evidence(400), ['events: 502'], null).status).toBe('unknown')
    expect(classify(person('a'), window, null, [], null).status).toBe('inactive')
  })

  test('in-window evidence wins over a failing source', () => {
    expect(classify(person('a'), window, evidence(10), ['events: 502'], null).status).toBe('active')
  })

  test('warn-before-days 0 turns the approaching band off', () => {
    const noBand = parseRoster('version: 1\norgs: [acme]\nwarn-before-days: 0\n', 'r.yml')
    const w = personWindow(person('a'), noBand, NOW)
    expect(classify(person('a'), w, evidence(364), [], null).status).toBe('active')
  })

  test('exemptions: valid applies, expired and partial do not, logins are case-insensitive', () => {
    const r = parseRoster(
      'version: 1\norgs: [acme, other]\nexemptions:\n  - {login: Valid, reason: x}\n  - {login: old, reason: x, until: 2026-11-23}\n  - {login: lastday, reason: x, until: 2026-11-24}\n  - {login: part, reason: x, orgs: [acme]}\n',
      'r.yml'
    )
    const today = NOW.toISOString().slice(0, 10)
    const valid = exemptionFor(person('valid'), r, today)
    expect(valid?.state).toBe('valid')
    expect(classify(person('valid'), window, null, [], valid).status).toBe('exempt')
    expect(classify(person('valid'), window, null, ['x'], valid).status).toBe('exempt')
    expect(classify(person('valid'), window, evidence(3), [], valid).status).toBe('active')
    expect(exemptionFor(person('old'), r, today)?.state).toBe('expired')
    expect(classify(person('old'), window, null, [], exemptionFor(person('old'), r, today)).status).toBe('inactive')
    expect(exemptionFor(person('lastday'), r, today)?.state).toBe('valid')
    expect(exemptionFor(person('part', ['acme', 'other']), r, today)?.state).toBe('partial')
    expect(exemptionFor(person('part', ['acme']), r, today)?.state).toBe('valid')
    expect(exemptionFor(person('nobody'), r, today)).toBeNull()
  })

  test('evidence policy: private only when counted, scope by repository owner', () => {
    const anywhere = { countPrivateActivity: false, scopeOrgs: null }
    expect(admits(evidence(1, { private: true }), anywhere)).toBe(false)
    expect(admits(evidence(1, { private: true }), { ...anywhere, countPrivateActivity: true })).toBe(true)
    const scoped = { countPrivateActivity: false, scopeOrgs: new Set(['acme']) }
    expect(admits(evidence(1, { repo: 'ACME/x' }), scoped)).toBe(true)
    expect(admits(evidence(1, { repo: 'other/x' }), scoped)).toBe(false)
    expect(admits(evidence(1, { repo: null }), scoped)).toBe(false)
  })

  test('people are merged across orgs by case-insensitive login', () => {
    const people = mergePeople([
      { org: 'a', members: [{ login: 'Alice', type: 'User', role: 'admin', public: true }] },
      {
        org: 'b',
        members: [
          { login: 'alice', type: 'User', role: 'member', public: false },
          { login: 'bob', type: 'User', role: 'member', public: true }
        ]
      }
    ])
    expect(people.map((p) => [p.login, p.memberships.length])).toEqual([
      ['Alice', 2],
      ['bob', 1]
    ])
  })
})
