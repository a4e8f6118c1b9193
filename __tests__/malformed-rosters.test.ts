/**
 * Bad rosters, run through the action's `run()` as the runner would run it: one clear message
 * naming file:line:col and the key, the step failed, and not a single request to GitHub. One
 * case runs the bundle (`node dist/index.js`) to show the same holds for what users run.
 */
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction, runActionInProcess } from '../fake-github/run-action.js'
import { FakeGitHub } from '../fake-github/server.js'
import { WorldBuilder } from '../fake-github/world.js'

const FILE = '.github/member-audit.yml'

/** [name, roster text, expected location "line:col", expected key (or '' for the file), words the message must hold] */
const CASES: [string, string, string, string, RegExp][] = [
  ['empty file', '', '1:1', '', /the roster is empty/],
  ['not YAML', 'version: 1\norgs: [acme\n', '3:1', '', /not valid YAML: .*end with a \]/],
  [
    'unknown key, with a suggestion',
    'version: 1\norgs: [acme]\nexemptions:\n  - login: bob\n    reason: on leave\n    untill: 2027-01-01\n',
    '6:5',
    'exemptions[0].untill',
    /unknown key "untill"; did you mean "until"\?/
  ],
  [
    'wrong type',
    'version: 1\norgs: [acme]\ninactive-after-days: a year\n',
    '3:22',
    'inactive-after-days',
    /expected a whole number from 1 to 365, found the text "a year"/
  ],
  ['no orgs', 'version: 1\n', '1:1', 'orgs', /missing required key "orgs"/],
  ['empty orgs list', 'version: 1\norgs: []\n', '2:7', 'orgs', /expected at least 1 item/],
  [
    'bad date',
    'version: 1\norgs: [acme]\nexemptions:\n  - login: bob\n    reason: on leave\n    until: 2027-02-30\n',
    '6:12',
    'exemptions[0].until',
    /expected a date written YYYY-MM-DD, found the text "2027-02-30"/
  ],
  [
    'duplicate exemption',
    'version: 1\norgs: [acme]\nexemptions:\n  - login: bob\n    reason: a\n  - login: Bob\n    reason: b\n',
    '6:5',
    'exemptions[1].login',
    /"Bob" already has an exemption \(exemptions\[0\]\)/
  ],
  [
    'invalid login characters',
    'version: 1\norgs: [acme]\nexemptions:\n  - login: "@bob smith"\n    reason: a\n',
    '4:12',
    'exemptions[0].login',
    /expected a GitHub login/
  ],
  [
    'exemption without a reason',
    'version: 1\norgs: [acme]\nexemptions:\n  - login: bob\n',
    '4:5',
    'exemptions[0].reason',
    /missing required key "reason"/
  ],
  [
    'blank reason',
    'version: 1\norgs: [acme]\nexemptions:\n  - login: bob\n    reason: "  "\n',
    '5:13',
    'exemptions[0].reason',
    /expected a non-empty reason/
  ],
  [
    'negative days',
    'version: 1\norgs: [acme]\nwarn-before-days: -5\n',
    '3:19',
    'warn-before-days',
    /expected a whole number from 0 to 365, found the number -5/
  ],
  ['version 2', 'version: 2\norgs: [acme]\n', '1:10', 'version', /expected 1, found 2/],
  ['tab indentation', 'version: 1\norgs:\n\t- acme\n', '3:1', '', /tabs are not allowed as indentation/],
  [
    'a key written twice, named',
    'version: 1\norgs: [acme]\norgs: [other]\n',
    '3:1',
    'orgs',
    /"orgs" is written twice in the same mapping; keep one/
  ],
  [
    'a nested key written twice, named with its path',
    'version: 1\norgs: [acme]\ntracking-issue:\n  title: A\n  title: B\n',
    '5:3',
    'tracking-issue.title',
    /"title" is written twice/
  ],
  [
    'a warning band as long as the window',
    'version: 1\norgs: [acme]\ninactive-after-days: 30\nwarn-before-days: 60\n',
    '4:19',
    'warn-before-days',
    /the warning band \(warn-before-days: 60\) covers the whole window \(inactive-after-days: 30\)/
  ],
  [
    "an organization's window inside the inherited band",
    'version: 1\norgs:\n  - name: acme\n    inactive-after-days: 30\n',
    '4:26',
    'orgs[0].inactive-after-days',
    /warn-before-days: 30\) covers the whole window \(inactive-after-days: 30\)/
  ],
  [
    "a team's band as long as its window",
    'version: 1\norgs: [acme]\nteams:\n  - team: acme/core\n    inactive-after-days: 90\n    warn-before-days: 90\n',
    '6:23',
    'teams[0].warn-before-days',
    /covers the whole window \(inactive-after-days: 90\)/
  ],
  [
    'exemption for an org not audited',
    'version: 1\norgs: [acme]\nexemptions:\n  - login: bob\n    reason: a\n    orgs: [acme, other]\n',
    '6:18',
    'exemptions[0].orgs[1]',
    /"other" is not one of the roster's orgs/
  ],
  [
    'misspelt enum value',
    'version: 1\norgs: [acme]\nactivity-scope: org\n',
    '3:17',
    'activity-scope',
    /one of anywhere, orgs, found the text "org"; did you mean "orgs"\?/
  ],
  ['a mapping where a list belongs', 'version: 1\norgs:\n  acme: true\n', '3:3', 'orgs', /expected a list/],
  // Aliases are resolved before the cross-checks, so a duplicate written through one is caught
  // where the alias is written (until now the first entry silently won).
  [
    'an organization listed twice through an alias',
    'version: 1\norgs: [&o acme, *o]\n',
    '2:17',
    'orgs[1]',
    /organization "acme" is listed twice/
  ],
  [
    'a second exemption for the same login through an alias',
    'version: 1\norgs: [acme]\nexemptions:\n  - login: &b bob\n    reason: left\n    until: 2026-01-01\n  - login: *b\n    reason: forever\n',
    '7:5',
    'exemptions[1].login',
    /"bob" already has an exemption \(exemptions\[0\]\)/
  ],
  [
    'a whole exemption repeated through an alias',
    'version: 1\norgs: [acme]\nexemptions:\n  - &e\n    login: bob\n    reason: a\n  - *e\n',
    '7:5',
    'exemptions[1].login',
    /"bob" already has an exemption \(exemptions\[0\]\)/
  ],
  [
    'an alias inside what it names',
    'version: 1\norgs: &o [acme, *o]\n',
    '2:17',
    '',
    /the alias \*o is inside what it names/
  ],
  [
    'a YAML 1.1 date',
    '%YAML 1.1\n---\nversion: 1\norgs: [acme]\nexemptions:\n  - login: bob\n    reason: on leave\n    until: 2027-06-30\n',
    '8:12',
    'exemptions[0].until',
    /expected a date written YYYY-MM-DD, found a YAML 1\.1 timestamp \(2027-06-30\).*%YAML 1\.1.*quote/
  ]
]

describe('malformed rosters stop the action before any request', () => {
  let github: FakeGitHub
  beforeAll(async () => {
    github = await FakeGitHub.start({ world: new WorldBuilder().member('acme', 'alice').world })
  })
  afterAll(async () => {
    await github.close()
  })

  test.each(CASES)('%s', async (_name, roster, location, key, words) => {
    const before = github.requests.length
    const run = await runActionInProcess({
      dir: await mkdtemp(join(tmpdir(), 'ma-roster-')),
      apiUrl: github.url,
      roster,
      inputs: { token: 'test-token' }
    })
    expect(run.code).toBe(1)
    expect(run.errors).toHaveLength(1)
    const message = run.errors[0]!
    expect(message).toContain(`${FILE}:${location}`)
    expect(message).toContain(key ? `: ${key}: ` : `${FILE}:${location}: `)
    expect(message).toMatch(words)
    expect(github.requests.length - before).toBe(0)
    expect(run.report).toBeNull()
  })

  test('a missing roster file names the path and the input to set', async () => {
    const before = github.requests.length
    const dir = await mkdtemp(join(tmpdir(), 'ma-roster-'))
    const run = await runActionInProcess({
      dir,
      apiUrl: github.url,
      roster: 'version: 1\norgs: [acme]\n',
      inputs: { token: 'test-token', roster: 'config/audit.yml' }
    })
    expect(run.code).toBe(1)
    expect(run.errors).toEqual([expect.stringMatching(/^config\/audit.yml: roster file not found\. .*"roster" input/)])
    expect(github.requests.length - before).toBe(0)
  })

  test('the bundle: a misspelt key stops `node dist/index.js` with one error command, exit 1, no request', async () => {
    const before = github.requests.length
    const [, roster] = CASES[2]!
    const run = await runAction({
      dir: await mkdtemp(join(tmpdir(), 'ma-roster-')),
      apiUrl: github.url,
      roster,
      inputs: { token: 'test-token' }
    })
    expect(run.code).toBe(1)
    expect(run.errors).toEqual([
      expect.stringMatching(
        /^\.github\/member-audit\.yml:6:5: exemptions\[0\]\.untill: unknown key "untill"; did you mean "until"\?/
      )
    ])
    expect(github.requests.length - before).toBe(0)
    expect(run.report).toBeNull()
  })
})
