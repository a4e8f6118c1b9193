/** The roster's adjust: keys and the mode input: off by default, validated with file:line:column. */
import { RosterError, parseRoster } from '../src/roster/load.js'
import { readSettings } from '../src/inputs.js'
import { adjustmentIn } from '../src/roster/adjust.js'

const ADJUST = `version: 1
orgs:
  - jupyter
  - name: jupyterhub
    adjust:
      membership: outside-collaborator
      alumni-team: jupyterhub/emeritus
adjust:
  approvers: [carreau, jupyter/security-council]
  owners: demote
  teams: remove
  membership: keep
  alumni-team: jupyter/emeritus
  max-per-run: 10
`

function problems(text: string): string[] {
  try {
    parseRoster(text, 'r.yml')
  } catch (error) {
    if (error instanceof RosterError) return error.message.split('\n')
    throw error
  }
  return []
}

describe('adjust: in the roster', () => {
  test('without adjust: the roster has no rule (nothing is ever adjusted)', () => {
    expect(parseRoster('version: 1\norgs: [acme]\n', 'r.yml').adjust).toBeUndefined()
  })

  test("the contract's example is read, with an organization's own override", () => {
    const rule = parseRoster(ADJUST, 'r.yml').adjust!
    expect(rule).toMatchObject({
      approvers: ['carreau', 'jupyter/security-council'],
      owners: 'demote',
      teams: 'remove',
      membership: 'keep',
      alumniTeam: { org: 'jupyter', slug: 'emeritus' },
      maxPerRun: 10
    })
    expect(adjustmentIn(rule, 'JupyterHub')).toEqual({
      owners: 'demote',
      teams: 'remove',
      membership: 'outside-collaborator',
      alumniTeam: { org: 'jupyterhub', slug: 'emeritus' }
    })
    expect(adjustmentIn(rule, 'jupyter').membership).toBe('keep')
  })

  test('defaults: demote owners, remove teams, keep membership, 10 per run', () => {
    const rule = parseRoster('version: 1\norgs: [a]\nadjust:\n  approvers: [x]\n', 'r.yml').adjust!
    expect(rule).toMatchObject({ owners: 'demote', teams: 'remove', membership: 'keep', maxPerRun: 10 })
    expect(rule.alumniTeam).toBeUndefined()
  })

  test.each([
    ['adjust:\n  owners: demote\n', 'r.yml:4:3: adjust.approvers: missing required key "approvers"'],
    ['adjust:\n  approvers: []\n', 'r.yml:4:14: adjust.approvers:'],
    ['adjust:\n  approvers: [x]\n  membership: delete\n', 'r.yml:5:15: adjust.membership:'],
    ['adjust:\n  approvers: [x]\n  max-per-run: 0\n', 'r.yml:5:16: adjust.max-per-run:'],
    [
      'adjust:\n  approvers: [other/team]\n',
      'r.yml:4:15: adjust.approvers[0]: the approving team\'s organization "other"'
    ],
    ['adjust:\n  approvers: [x]\n  alumni-team: other/emeritus\n', 'r.yml:5:16: adjust.alumni-team:'],
    ['adjust:\n  approvers: [x]\n  owner: keep\n', 'r.yml:5:3: adjust.owner:']
  ])('%j is refused at its place', (tail, expected) => {
    expect(problems(`version: 1\norgs: [a]\n${tail}`).join('\n')).toContain(expected)
  })

  test("an organization's adjust: without a top-level one, and an alumni team of another org, are refused", () => {
    const found = problems('version: 1\norgs:\n  - name: a\n    adjust:\n      alumni-team: b/emeritus\n  - b\n').join(
      '\n'
    )
    expect(found).toContain("r.yml:5:7: orgs[0].adjust: an organization's adjust: needs a top-level adjust:")
    expect(found).toContain(
      'r.yml:5:20: orgs[0].adjust.alumni-team: the alumni team must be a team of this organization'
    )
  })
})

describe('mode input', () => {
  test('default audit, no key needed', () => {
    expect(readSettings({ INPUT_TOKEN: 't' })).toMatchObject({ mode: 'audit', snapshotKey: '' })
  })
  test('apply needs a snapshot key of 16 characters or more', () => {
    expect(() => readSettings({ INPUT_TOKEN: 't', INPUT_MODE: 'apply' })).toThrow(/snapshot-key/)
    expect(readSettings({ INPUT_TOKEN: 't', INPUT_MODE: 'apply', 'INPUT_SNAPSHOT-KEY': 'k'.repeat(16) })).toMatchObject(
      {
        mode: 'apply'
      }
    )
  })
  test('another mode is refused by name', () => {
    expect(() => readSettings({ INPUT_TOKEN: 't', INPUT_MODE: 'Apply' })).toThrow(
      'Input "mode" must be audit or apply, not "Apply".'
    )
  })
})
