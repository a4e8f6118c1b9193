/** Reports: escaping of outside text, the summary's size limit, CSV safety, and the GraphQL documents sent. */
import { validate } from '@octokit/graphql-schema'
import { userActivityDocument } from '../src/activity/user-activity-query.js'
import type { AuditResult } from '../src/verdicts/result.js'
import { emptyUsage } from '../src/github/client.js'
import type { Person } from '../src/members/people.js'
import { csvCell, peopleCsv } from '../src/reports/csv.js'
import { escapeText, link, safeUrl } from '../src/text/markdown.js'
import { SUMMARY_BUDGET, jobSummary } from '../src/reports/summary.js'
import { trackingSummary } from '../src/reports/tracking-section.js'
import { syntheticResult } from './helpers.js'

const HOSTILE =
  '@everyone <!-- hide --> <img src=x onerror=alert(1)> | [click](javascript:alert(1)) **bold** `code`\n# heading'

const resultFor = (people: Person[], rosterText?: string): AuditResult =>
  syntheticResult(
    people.map((p) => ({ login: p.login, public: p.memberships[0]!.public })),
    rosterText
  )
const member = (login: string, isPublic = true): Person => ({
  login,
  key: login.toLowerCase(),
  type: 'User',
  memberships: [{ org: 'acme', role: 'member', public: isPublic }]
})

describe('escaping', () => {
  test('hostile text cannot mention, open HTML, hide content, link, or break a table', () => {
    const out = escapeText(HOSTILE)
    expect(out).not.toMatch(/@everyone/)
    expect(out).not.toMatch(/<!--|<img/)
    expect(out).not.toMatch(/[^\\]\|/)
    expect(out).not.toMatch(/[^\\]\[click/)
    expect(out).not.toContain('\n')
    expect(out).toContain('&#64;everyone')
  })

  test('only http(s) URLs become links, with link-breaking characters encoded', () => {
    expect(safeUrl('javascript:alert(1)')).toBeNull()
    expect(safeUrl('https://github.com/a/b/issues/1#x)y')).toBe('https://github.com/a/b/issues/1#x%29y')
    expect(link('a', 'data:text/html,x')).toBe('a')
  })

  test('an exemption reason full of Markdown is shown inert in the summary', () => {
    const roster = `version: 1\norgs: [acme]\nexemptions:\n  - login: mallory\n    reason: ${JSON.stringify(HOSTILE)}\n`
    const md = jobSummary(resultFor([member('mallory')], roster), emptyUsage(), {
      serverUrl: 'https://github.com',
      hideConcealed: false,
      dryRun: false
    })
    const row = md.split('\n').find((l) => l.includes('mallory') && l.includes('everyone'))!
    expect(row).toBeDefined()
    expect(row).not.toMatch(/@everyone|<!--|<img/)
    expect(row.split(/(?<!\\)\|/)).toHaveLength(6) // 4 cells between 5 unescaped pipes
  })

  test('CSV cells are quoted, and formulas are neutralised', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('plain')).toBe('plain')
    const csv = peopleCsv(
      resultFor([member('x')], 'version: 1\norgs: [acme]\nexemptions: [{login: x, reason: "+1 trust me"}]\n')
    )
    expect(csv).toContain(",'+1 trust me,")
  })
})

describe('job summary', () => {
  test('a summary that would pass 1 MiB is cut, with a note pointing at the JSON report', () => {
    const people = Array.from({ length: 12000 }, (_, i) => member(`person-with-a-rather-long-login-${i}`))
    const md = jobSummary(resultFor(people), emptyUsage(), {
      serverUrl: 'https://github.com',
      hideConcealed: false,
      dryRun: false
    })
    expect(md.length).toBeLessThan(1024 * 1024)
    expect(md.length).toBeGreaterThan(SUMMARY_BUDGET * 0.9)
    expect(md).toMatch(/### Inactive \(12000\)/)
    expect(md).toMatch(/\d+ more not shown here \(the summary is limited to 1 MiB\); the JSON report lists everyone\./)
  })

  test('access tables are capped too: 3,000 members without 2FA still leave the summary under 1 MiB', () => {
    const result = {
      ...resultFor(Array.from({ length: 12000 }, (_, i) => member(`person-with-a-rather-long-login-${i}`)))
    }
    result.twoFactorDisabled = {
      items: Array.from({ length: 3000 }, (_, i) => ({
        login: `no-2fa-person-with-a-long-login-${i}`,
        orgs: ['acme', 'beta', 'gamma']
      })),
      notChecked: []
    }
    const md = jobSummary(result, emptyUsage(), {
      serverUrl: 'https://github.com',
      hideConcealed: false,
      dryRun: false
    })
    expect(md.length).toBeLessThan(SUMMARY_BUDGET + 4096)
    expect(md).toMatch(/### Without two-factor authentication \(3000\)[\s\S]*2500 more not shown here/)
  })

  test('concealed members are counted, not named, when the run is public', () => {
    const result = resultFor([member('shown'), member('hidden', false)])
    const publicRun = jobSummary(result, emptyUsage(), {
      serverUrl: 'https://github.com',
      hideConcealed: true,
      dryRun: true
    })
    expect(publicRun).toContain('[shown]')
    expect(publicRun).not.toContain('hidden')
    expect(publicRun).toMatch(/1 concealed member is not named/)
    expect(publicRun).toMatch(/as a \*\*dry run\*\*/)
    const privateRun = jobSummary(result, emptyUsage(), {
      serverUrl: 'https://github.com',
      hideConcealed: false,
      dryRun: false
    })
    expect(privateRun).toContain('[hidden]')
  })
})

describe('GraphQL documents', () => {
  test.each([1, 7, 20])("the activity query for %i people is valid against GitHub's published schema", (n) => {
    expect(validate(userActivityDocument(n)).map((e) => e.message)).toEqual([])
  })

  test('logins travel as variables, never inside the document', () => {
    expect(userActivityDocument(2)).toMatch(/u0: user\(login: \$l0\)/)
    expect(userActivityDocument(2)).not.toMatch(/login: "/)
  })
})

describe('tracking issue in the summary', () => {
  const plan = { toContact: [], due: [], unknown: [], returned: [], records: new Map() }
  const outcome = (issueIsPublic: boolean) => ({
    sync: { action: 'none' as const, number: null, url: null },
    plan,
    // A private issue may name a concealed member anywhere (here: in the unknown section).
    text: { body: '### Unknown (1)\n\n- [hidden-hank](https://github.com/hidden-hank): account not found', parts: [] },
    held: 'dry run: nothing was written',
    issueIsPublic
  })

  test('a public summary never shows the text of a private tracking issue, even with nobody to contact', () => {
    expect(trackingSummary(outcome(false), true)).not.toContain('hidden-hank')
    expect(trackingSummary(outcome(false), true)).toMatch(/not shown: the tracking repository is private/)
    expect(trackingSummary(outcome(false), false)).toContain('hidden-hank')
    expect(trackingSummary(outcome(true), true)).toContain(
      '<details><summary>Issue text this run would write</summary>'
    )
  })
})
