/**
 * The pure decisions, tested directly with plain data (as actions/stale tests its predicates):
 * the cascade's leave-early and ask-again rules, the contact plan, the cost estimate, windows,
 * exemption standing and the incomplete-run rule.
 */
import type { ActivityQuestion, ActivitySource, Recheck, SourceAnswer } from '../src/activity/cascade.js'
import { findActivity } from '../src/activity/cascade.js'
import { budgetWarning, estimateCost } from '../src/activity/cost.js'
import type { Evidence, EvidencePolicy } from '../src/activity/evidence.js'
import { BatchSize } from '../src/github/graphql-batch.js'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Person } from '../src/members/people.js'
import { parseRoster } from '../src/roster/load.js'
import { planContacts } from '../src/tracking-issue/plan.js'
import type { ContactRecords } from '../src/tracking-issue/state.js'
import { classify } from '../src/verdicts/classify.js'
import { trackingIssueId } from '../src/tracking-issue/issue-id.js'
import { incompleteReason } from '../src/verdicts/completeness.js'
import { daysBefore } from '../src/verdicts/days.js'
import { exemptionFor, exemptionStanding } from '../src/verdicts/exemptions.js'
import { personWindow, widestWindowDays } from '../src/verdicts/window.js'

const NOW = new Date('2026-11-24T00:00:00Z')
const TODAY = '2026-11-24'
const ANYWHERE: EvidencePolicy = { countPrivateActivity: false, scopeOrgs: null }

const person = (login: string, orgs: Record<string, 'admin' | 'member'> = { acme: 'member' }): Person => ({
  login,
  key: login.toLowerCase(),
  type: 'User',
  memberships: Object.entries(orgs).map(([org, role]) => ({ org, role, public: true }))
})
const evidence = (days: number, source = 'test'): Evidence => ({
  at: daysBefore(NOW, days).toISOString(),
  kind: 'issue',
  url: null,
  repo: 'acme/x',
  private: false,
  source
})
const question = (login: string): ActivityQuestion => ({
  person: person(login),
  since: daysBefore(NOW, 365),
  settledAt: daysBefore(NOW, 335)
})

/** A source that answers from a table and records whom it was asked about. */
function source(
  name: string,
  answers: Record<string, SourceAnswer | (() => SourceAnswer)>
): ActivitySource & { asked: string[][] } {
  const asked: string[][] = []
  return {
    name,
    asked,
    async check(questions) {
      asked.push(questions.map((q) => q.person.login))
      const out = new Map<string, SourceAnswer>()
      for (const q of questions) {
        const a = answers[q.person.login]
        if (a) out.set(q.person.key, typeof a === 'function' ? a() : a)
        else out.set(q.person.key, { evidence: [] })
      }
      return out
    }
  }
}

describe('the cascade (findActivity)', () => {
  test('a person leaves at evidence that settles the verdict; evidence in the approaching band keeps them in', async () => {
    const first = source('first', { settled: { evidence: [evidence(10)] }, band: { evidence: [evidence(350)] } })
    const second = source('second', { band: { evidence: [evidence(20)] } })
    const found = await findActivity(
      [question('settled'), question('band'), question('none')],
      [first, second],
      ANYWHERE
    )
    expect(second.asked).toEqual([['band', 'none']])
    expect(found.get('band')!.latest!.at).toBe(evidence(20).at)
    expect(found.get('none')).toEqual({ latest: null, errors: [] })
  })

  test('a failure is kept per source; asking again only for passing failures, by that source, when affordable', async () => {
    let flaky = 0
    const first = source('first', {
      gone: { evidence: [], failure: { message: 'account not found', passing: false } },
      flaky: () =>
        flaky++ === 0 ? { evidence: [], failure: { message: '502', passing: true } } : { evidence: [evidence(5)] }
    })
    const second = source('second', {})
    const plans: [string, number][][] = []
    const recheck: Recheck = { pauseMs: 0, affordable: async (plan) => (plans.push([...plan]), true) }
    const found = await findActivity(
      [question('gone'), question('flaky')],
      [first, second],
      ANYWHERE,
      undefined,
      recheck
    )
    expect(plans).toEqual([[['first', 1]]])
    expect(first.asked).toEqual([['gone', 'flaky'], ['flaky']])
    expect(found.get('flaky')).toEqual({ latest: evidence(5), errors: [] })
    expect(found.get('gone')!.errors).toEqual(['first: account not found'])
  })

  test('no second round when the quota will not pay for it: the failure stays, and the person is unknown', async () => {
    const first = source('first', { flaky: { evidence: [], failure: { message: '502', passing: true } } })
    const recheck: Recheck = { pauseMs: 0, affordable: async () => false }
    const found = await findActivity([question('flaky')], [first], ANYWHERE, undefined, recheck)
    expect(first.asked).toHaveLength(1)
    const q = question('flaky')
    expect(
      classify(
        q.person,
        personWindow(q.person, parseRoster('version: 1\norgs: [acme]\n', 'r'), NOW),
        null,
        found.get('flaky')!.errors,
        null
      ).status
    ).toBe('unknown')
  })

  test('private evidence is ignored unless the policy counts it', async () => {
    const first = source('first', { p: { evidence: [{ ...evidence(3), private: true }] } })
    const found = await findActivity([question('p')], [first], ANYWHERE)
    expect(found.get('p')!.latest).toBeNull()
  })
})

describe('the contact plan (planContacts)', () => {
  const roster = parseRoster('version: 1\norgs: [acme]\n', 'r.yml')
  const verdict = (login: string, days: number | null) => {
    const p = person(login)
    return classify(
      p,
      personWindow(p, roster, NOW),
      days === null ? null : evidence(days),
      [],
      exemptionFor(p, roster, TODAY)
    )
  }

  test('a new inactive person is flagged today; a flag and a contact date are carried; contacted past the grace is due', () => {
    const previous: ContactRecords = new Map([
      ['old', { login: 'old', flaggedOn: '2026-09-01', contactedOn: '2026-10-01' }]
    ])
    const plan = planContacts(previous, [verdict('new', null), verdict('old', 400)], TODAY, 30)
    expect(plan.toContact.map((c) => c.record)).toEqual([
      { login: 'new', flaggedOn: TODAY },
      { login: 'old', flaggedOn: '2026-09-01', contactedOn: '2026-10-01' }
    ])
    expect(plan.due.map((c) => c.record.login)).toEqual(['old'])
    expect(planContacts(previous, [verdict('old', 400)], '2026-10-31', 30).due).toEqual([])
  })

  test('someone active again is returned for the grace period, then dropped; lapsing again starts over', () => {
    const previous: ContactRecords = new Map([
      ['back', { login: 'back', flaggedOn: '2026-09-01', contactedOn: '2026-10-01' }]
    ])
    const back = planContacts(previous, [verdict('back', 3)], TODAY, 30)
    expect(back.returned.map((r) => r.record)).toEqual([
      { login: 'back', flaggedOn: '2026-09-01', contactedOn: '2026-10-01', returnedOn: TODAY }
    ])
    expect(planContacts(back.records, [verdict('back', 3)], '2026-12-25', 30).returned).toEqual([])
    const again = planContacts(back.records, [verdict('back', 400)], '2026-12-01', 30)
    expect(again.toContact.map((c) => c.record)).toEqual([{ login: 'back', flaggedOn: '2026-12-01' }])
  })

  test('an unknown person keeps their record (a tick is not lost) and is not returned', () => {
    const previous: ContactRecords = new Map([
      ['u', { login: 'u', flaggedOn: '2026-09-01', contactedOn: '2026-10-01' }]
    ])
    const p = person('u')
    const unknown = classify(p, personWindow(p, roster, NOW), null, ['events: 502'], null)
    const plan = planContacts(previous, [unknown], TODAY, 30)
    expect(plan.unknown).toEqual([{ verdict: unknown, record: previous.get('u') }])
    expect(plan.records.get('u')).toEqual(previous.get('u'))
    expect(plan.returned).toEqual([])
  })
})

describe('rules of the roster: windows, exemptions, cost, completeness', () => {
  test('the strictest window among orgs and teams holds; the band never exceeds the window', () => {
    const roster = parseRoster(
      'version: 1\norgs:\n  - lenient\n  - name: strict\n    inactive-after-days: 90\n    warn-before-days: 10\nteams:\n  - team: lenient/core\n    inactive-after-days: 60\n    warn-before-days: 5\n',
      'r.yml'
    )
    expect(personWindow(person('a', { lenient: 'member' }), roster, NOW)).toMatchObject({
      days: 365,
      warnBeforeDays: 30
    })
    expect(personWindow(person('b', { lenient: 'member', strict: 'member' }), roster, NOW)).toMatchObject({
      days: 90,
      warnBeforeDays: 10
    })
    const inTeam = { ...person('c', { lenient: 'member' }), teams: [{ team: 'lenient/core', maintainer: false }] }
    expect(personWindow(inTeam, roster, NOW)).toMatchObject({
      days: 60,
      warnBeforeDays: 5,
      since: daysBefore(NOW, 60),
      settledAt: daysBefore(NOW, 55)
    })
    expect(widestWindowDays(roster)).toBe(365)
  })

  test('"expires soon": a valid exemption whose last day is within the warning band, by one rule', () => {
    const roster = parseRoster(
      'version: 1\norgs: [acme, beta]\nexemptions:\n  - login: soon\n    reason: r\n    until: 2026-12-24\n  - login: later\n    reason: r\n    until: 2026-12-25\n  - login: past\n    reason: r\n    until: 2026-11-23\n  - login: part\n    reason: r\n    orgs: [acme]\n',
      'r.yml'
    )
    const standing = (p: Person, warn = 30) => exemptionStanding(exemptionFor(p, roster, TODAY)!, warn, TODAY)
    expect(standing(person('soon'))).toBe('expires-soon')
    expect(standing(person('later'))).toBe('valid')
    expect(standing(person('soon'), 0)).toBe('valid')
    expect(standing(person('past'))).toBe('expired')
    expect(standing(person('part', { acme: 'member', beta: 'member' }))).toBe('partial')
    expect(standing(person('part'))).toBe('valid')
  })

  test('the cost estimate grows with people, and warns only when the quota left will not pay for it', () => {
    expect(estimateCost(0)).toEqual({ rest: 30, graphqlPoints: 5 })
    expect(estimateCost(1000)).toEqual({ rest: 580, graphqlPoints: 255 })
    expect(budgetWarning(estimateCost(1000), 580)).toBeNull()
    expect(budgetWarning(estimateCost(1000), null)).toBeNull()
    expect(budgetWarning(estimateCost(1000), 579)).toMatch(/needs about 580 REST requests and 579 are left/)
  })

  test('incomplete only above max-unknown-percent', () => {
    const roster = parseRoster('version: 1\norgs: [acme]\n', 'r.yml')
    const p = (login: string, errors: string[]) =>
      classify(person(login), personWindow(person(login), roster, NOW), null, errors, null)
    const ten = [p('u', ['x']), ...Array.from({ length: 9 }, (_, i) => p(`i${i}`, []))]
    expect(incompleteReason(ten, 10)).toBeNull()
    expect(incompleteReason(ten, 9)).toBe(
      '1 of 10 people (10.0%) could not be checked, more than max-unknown-percent (9%).'
    )
    expect(incompleteReason([], 0)).toBeNull()
  })

  test('a GraphQL batch size halves on a failed query and doubles back after three good ones', () => {
    const size = new BatchSize(50)
    size.failed(50)
    expect(size.current).toBe(25)
    size.succeeded(25)
    size.succeeded(25)
    expect(size.current).toBe(25)
    size.succeeded(25)
    expect(size.current).toBe(50)
    size.failed(7)
    expect(size.current).toBe(4)
  })
})

describe("the tracking issue's identity", () => {
  test('the roster path from the repository root, whatever folder the run starts in; the roster id first', () => {
    const repo = mkdtempSync(join(tmpdir(), 'ma-id-'))
    mkdirSync(join(repo, '.git'))
    mkdirSync(join(repo, 'config', 'audit'), { recursive: true })
    const roster = join(repo, 'config', 'audit', 'orgs.yml')
    expect(trackingIssueId(undefined, roster, join(repo, 'config'))).toBe('config/audit/orgs.yml')
    expect(trackingIssueId(undefined, roster, '/somewhere/else')).toBe('config/audit/orgs.yml')
    expect(trackingIssueId('security-orgs', roster, repo)).toBe('security-orgs')
    const loose = join(mkdtempSync(join(tmpdir(), 'ma-id-')), 'r.yml')
    expect(trackingIssueId(undefined, loose, '/not/its/folder')).toBe('r.yml')
  })
})
