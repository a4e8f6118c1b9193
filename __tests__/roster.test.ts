/** The roster: defaults, long and short forms, and one schema for validator and editors alike. */
import { readFile } from 'node:fs/promises'
import { Ajv } from 'ajv'
import { parse } from 'yaml'
import { RosterError, parseRoster } from '../src/roster/load.js'
import { rosterJsonSchema } from '../src/roster/schema.js'
import { closestKey } from '../src/roster/did-you-mean.js'
import { DEMO_ROSTER } from '../fake-github/demo-world.js'

const FULL = `# yaml-language-server: $schema=../roster.schema.json
version: 1
orgs:
  - jupyter
  - name: jupyterhub
    inactive-after-days: 180
inactive-after-days: 365
warn-before-days: 30
activity-scope: anywhere
count-private-activity: false
max-unknown-percent: 10
teams:
  - team: jupyter/security-council
    inactive-after-days: 180
exemptions:
  - login: jhamrick
    reason: Wrote nbgrader; long-time team member
    approved-by: carreau
    until: 2027-06-30
    orgs: [jupyter]
tracking-issue:
  repo: jupyter/security
  title: Inactive organization members
  labels: [member-audit]
  mention: false
  grace-days: 30
include:
  outside-collaborators: false
  pending-invitations: true
  invitation-max-age-days: 30
  two-factor-disabled: true
  bots: false
`

describe('roster', () => {
  test("docs/contract.md's example roster is accepted, every key read", () => {
    const roster = parseRoster(FULL, 'r.yml')
    expect(roster.orgs).toEqual([
      { login: 'jupyter', inactiveAfterDays: 365, warnBeforeDays: 30, newMemberDays: 90 },
      { login: 'jupyterhub', inactiveAfterDays: 180, warnBeforeDays: 30, newMemberDays: 90 }
    ])
    expect(roster.exemptions).toEqual([
      {
        login: 'jhamrick',
        reason: 'Wrote nbgrader; long-time team member',
        approvedBy: 'carreau',
        until: '2027-06-30',
        orgs: ['jupyter'],
        line: 16
      }
    ])
    expect(roster.teams).toEqual([
      { org: 'jupyter', slug: 'security-council', inactiveAfterDays: 180, warnBeforeDays: 30 }
    ])
    expect(roster.trackingIssue).toEqual({
      repo: 'jupyter/security',
      title: 'Inactive organization members',
      labels: ['member-audit'],
      writers: ['github-actions[bot]'],
      mention: false,
      graceDays: 30
    })
    expect(roster.include).toEqual({
      outsideCollaborators: false,
      pendingInvitations: true,
      invitationMaxAgeDays: 30,
      twoFactorDisabled: true,
      bots: false
    })
  })

  test('a minimal roster gets every default of docs/contract.md', () => {
    const roster = parseRoster('version: 1\norgs: [acme]\n', 'r.yml')
    expect(roster).toMatchObject({
      inactiveAfterDays: 365,
      warnBeforeDays: 30,
      newMemberDays: 90,
      activityScope: 'anywhere',
      countPrivateActivity: false,
      maxUnknownPercent: 10,
      teams: [],
      exemptions: [],
      trackingIssue: {
        title: 'Inactive organization members',
        labels: ['member-audit'],
        writers: ['github-actions[bot]'],
        mention: false,
        graceDays: 30
      },
      include: {
        outsideCollaborators: false,
        pendingInvitations: true,
        invitationMaxAgeDays: 30,
        twoFactorDisabled: true,
        bots: false
      }
    })
  })

  test('an org-level threshold inherits the top-level warn band, and top-level values reach short-form orgs', () => {
    const roster = parseRoster(
      'version: 1\ninactive-after-days: 200\nwarn-before-days: 10\nnew-member-days: 60\norgs: [a, {name: b, inactive-after-days: 90, new-member-days: 14}]\n',
      'r.yml'
    )
    expect(roster.orgs).toEqual([
      { login: 'a', inactiveAfterDays: 200, warnBeforeDays: 10, newMemberDays: 60 },
      { login: 'b', inactiveAfterDays: 90, warnBeforeDays: 10, newMemberDays: 14 }
    ])
  })

  test('an anchor shared through aliases is read as written out (aliases are resolved, not rejected)', () => {
    const roster = parseRoster(
      'version: 1\norgs: &all [acme, labs]\nexemptions:\n  - login: bob\n    reason: on leave\n    orgs: *all\n  - login: eve\n    reason: &why sabbatical\n  - login: dan\n    reason: *why\n',
      'r.yml'
    )
    expect(roster.exemptions.map((e) => [e.login, e.reason, e.orgs ?? null])).toEqual([
      ['bob', 'on leave', ['acme', 'labs']],
      ['eve', 'sabbatical', null],
      ['dan', 'sabbatical', null]
    ])
  })

  test('every problem is reported, in file order, in one error', () => {
    let error: RosterError | undefined
    try {
      parseRoster('version: 3\norgs: [acme]\nwarn-before-days: x\nbots: true\n', 'r.yml')
    } catch (e) {
      error = e as RosterError
    }
    expect(error).toBeInstanceOf(RosterError)
    expect(error!.problems.map((p) => `${p.line}:${p.column} ${p.key}`)).toEqual([
      '1:10 version',
      '3:19 warn-before-days',
      '4:1 bots'
    ])
    expect(error!.message.split('\n')).toHaveLength(3)
    expect(error!.problems[2]!.message).toMatch(/unknown key "bots"/)
  })

  test('did-you-mean suggests near misses only', () => {
    expect(closestKey('exemption', ['exemptions', 'orgs'])).toBe('exemptions')
    expect(closestKey('inactive_after_days', ['inactive-after-days'])).toBe('inactive-after-days')
    expect(closestKey('colour', ['orgs', 'teams'])).toBeUndefined()
  })

  test('roster.schema.json is generated from the same shape (run `npm run schema` when this fails)', async () => {
    const committed = JSON.parse(await readFile('roster.schema.json', 'utf8'))
    expect(committed).toEqual(rosterJsonSchema())
  })

  test('the JSON Schema editors use agrees with the validator on good and bad rosters', () => {
    const validate = new Ajv({ strict: false }).compile(rosterJsonSchema())
    const good = [FULL, DEMO_ROSTER, 'version: 1\norgs: [acme]\n']
    const bad = [
      'version: 2\norgs: [acme]\n',
      'version: 1\norgs: []\n',
      'version: 1\norgs: [acme]\nexemptions: [{login: bob}]\n',
      'version: 1\norgs: [acme]\nwarn-before-days: -1\n',
      'version: 1\norgs: [acme]\nexemptions: [{login: bob, reason: x, untill: 2027-01-01}]\n',
      'version: 1\norgs: ["not a login"]\n',
      'version: 1\norgs: [acme]\nactivity-scope: org\n'
    ]
    for (const text of good) {
      expect(() => parseRoster(text, 'r.yml')).not.toThrow()
      expect(validate(parse(text))).toBe(true)
    }
    for (const text of bad) {
      expect(() => parseRoster(text, 'r.yml')).toThrow(RosterError)
      expect(validate(parse(text))).toBe(false)
    }
  })
})
