/**
 * The one rule (src/text/disclosure.ts) on free text and on the fields of a line: a named person
 * is never put beside an organization they are not public in, whether they are concealed there or
 * no member at all (so the redaction itself tells nothing). Pure.
 */
import type { Person } from '../src/members/people.js'
import { disclosure, mayNameIn, redact, shownOrgs } from '../src/text/disclosure.js'

const person = (login: string, memberships: [string, boolean][]): Person => ({
  login,
  key: login.toLowerCase(),
  type: 'User',
  memberships: memberships.map(([org, isPublic]) => ({ org, role: 'member', public: isPublic }))
})

// kim: public in acme, concealed in beta; carol: public in acme only; zoe: concealed everywhere.
const people = [
  person('kim', [
    ['acme', true],
    ['beta', false]
  ]),
  person('carol', [['acme', true]]),
  person('zoe', [['beta', false]])
]

describe('the disclosure rule, field by field', () => {
  const d = disclosure(true, people)

  test('a log line that puts a named person beside an organization they are not public in names no one', () => {
    expect(redact('Retrying GET /orgs/beta/memberships/kim (500).', d)).toBe(
      'Retrying GET /orgs/beta/memberships/someone not named (500).'
    )
    // carol is no member of beta: redacted all the same, so a redaction does not single out kim.
    expect(redact('Retrying GET /orgs/beta/memberships/carol (500).', d)).toBe(
      'Retrying GET /orgs/beta/memberships/someone not named (500).'
    )
    expect(redact('Retrying GET /orgs/acme/memberships/kim (500).', d)).toBe(
      'Retrying GET /orgs/acme/memberships/kim (500).'
    )
    expect(redact('zoe failed', d)).toBe('someone not named failed')
  })

  test('organizations of a login from a list: the public ones only, in public', () => {
    expect(shownOrgs('kim', ['acme', 'beta'], d)).toEqual(['acme'])
    expect(shownOrgs('KIM', ['Acme', 'beta'], d)).toEqual(['Acme'])
    expect(shownOrgs('zoe', ['beta'], d)).toEqual([])
    expect(mayNameIn('kim', 'beta', d)).toBe(false)
    const inPrivate = disclosure(false, people)
    expect(shownOrgs('kim', ['acme', 'beta'], inPrivate)).toEqual(['acme', 'beta'])
    expect(redact('GET /orgs/beta/memberships/kim', inPrivate)).toBe('GET /orgs/beta/memberships/kim')
  })
})
