/**
 * Bad rosters, run through the bundled action as the runner runs it: one clear message naming
 * file:line:col and the key, exit code 1, and not a single request to GitHub.
 */
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction } from './fake-github/run-action.js'
import { FakeGitHub } from './fake-github/server.js'
import { WorldBuilder } from './fake-github/world.js'

const FILE = '.github/member-audit.yml'

/** [name, roster text, expected location "line:col", expected key (or '' for the file), words the message must hold] */
const CASES: [string, string, string, string, RegExp][] = [
  ['empty file', '', '1:1', '', /the roster is empty/],
  ['not YAML', 'version: 1\norgs: [acme\n', '3:1', '', /not valid YAML: .*end with a \]/],
  ['unknown key, with a suggestion', 'version: 1\norgs: [acme]\nexemptions:\n  - login: bob\n    reason: on leave\n    untill: 2027-01-01\n', '6:5', 'exemptions[0].untill', /unknown key "untill"; did you mean "until"\?/],
  ['wrong type', 'version: 1\norgs: [acme]\ninactive-after-days: a year\n', '3:22', 'inactive-after-days', /expected a whole number from 1 to 365, found the text "a year"/],
  ['no orgs', 'version: 1\n', '1:1', 'orgs', /missing required key "orgs"/],
  ['empty orgs list', 'version: 1\norgs: []\n', '2:7', 'orgs', /expected at least 1 item/],
  ['bad date', 'version: 1\norgs: [acme]\nexemptions:\n  - login: bob\n    reason: on leave\n    until: 2027-02-30\n', '6:12', 'exemptions[0].until', /expected a date written YYYY-MM-DD, found the text "2027-02-30"/],
  ['duplicate exemption', 'version: 1\norgs: [acme]\nexemptions:\n  - login: bob\n    reason: a\n  - login: Bob\n    reason: b\n', '6:5', 'exemptions[1].login', /"Bob" already has an exemption \(exemptions\[0\]\)/],
  ['invalid login characters', 'version: 1\norgs: [acme]\nexemptions:\n  - login: "@bob smith"\n    reason: a\n', '4:12', 'exemptions[0].login', /expected a GitHub login/],
  ['exemption without a reason', 'version: 1\norgs: [acme]\nexemptions:\n  - login: bob\n', '4:5', 'exemptions[0].reason', /missing required key "reason"/],
  ['blank reason', 'version: 1\norgs: [acme]\nexemptions:\n  - login: bob\n    reason: "  "\n', '5:13', 'exemptions[0].reason', /expected a non-empty reason/],
  ['negative days', 'version: 1\norgs: [acme]\nwarn-before-days: -5\n', '3:19', 'warn-before-days', /expected a whole number from 0 to 365, found the number -5/],
  ['version 2', 'version: 2\norgs: [acme]\n', '1:10', 'version', /expected 1, found 2/],
  ['tab indentation', 'version: 1\norgs:\n\t- acme\n', '3:1', '', /tabs are not allowed as indentation/],
  ['a key written twice', 'version: 1\norgs: [acme]\norgs: [other]\n', '3:1', '', /a key is written twice/],
  ['exemption for an org not audited', 'version: 1\norgs: [acme]\nexemptions:\n  - login: bob\n    reason: a\n    orgs: [acme, other]\n', '6:18', 'exemptions[0].orgs[1]', /"other" is not one of the roster's orgs/],
  ['misspelt enum value', 'version: 1\norgs: [acme]\nactivity-scope: org\n', '3:17', 'activity-scope', /one of anywhere, orgs, found the text "org"; did you mean "orgs"\?/],
  ['a mapping where a list belongs', 'version: 1\norgs:\n  acme: true\n', '3:3', 'orgs', /expected a list/]
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
    const run = await runAction({ dir: await mkdtemp(join(tmpdir(), 'ma-roster-')), apiUrl: github.url, roster, inputs: { token: 'test-token' } })
    expect(run.code).toBe(1)
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error::'))
    expect(errors).toHaveLength(1)
    const message = decodeURIComponent(errors[0]!.replace(/%0A/g, '\n'))
    expect(message).toContain(`${FILE}:${location}`)
    if (key) expect(message).toContain(`: ${key}: `)
    expect(message).toMatch(words)
    expect(github.requests.length - before).toBe(0)
    expect(run.report).toBeNull()
  })

  test('a missing roster file names the path and the input to set', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ma-roster-'))
    const run = await runAction({ dir, apiUrl: github.url, roster: 'version: 1\norgs: [acme]\n', inputs: { token: 'test-token', roster: 'config/audit.yml' } })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::config\/audit.yml: roster file not found\. .*"roster" input/)
    expect(github.requests).toHaveLength(0)
  })
})
