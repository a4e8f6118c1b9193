/**
 * The tracking issue's text at its limits: 1,500 people (continuation comments, never a 422),
 * 120 @-mentions (at most 50 a text), hostile roster text (escaped), and marks that survive.
 */
import { PRIVATE_TEXT } from '../src/text/disclosure.js'
import { renderIssue, MENTIONS_PER_TEXT, TEXT_LIMIT } from '../src/tracking-issue/body.js'
import { planContacts } from '../src/tracking-issue/plan.js'
import { readRecords } from '../src/tracking-issue/state.js'
import { findTrackingIssue } from '../src/tracking-issue/find.js'
import { syncTrackingIssue } from '../src/tracking-issue/write.js'
import { recordingLogger, syntheticResult, testClient } from './helpers.js'
import { FakeGitHub } from '../fake-github/server.js'
import { WorldBuilder } from '../fake-github/world.js'

const TODAY = '2026-11-24'
const ctx = {
  id: '.github/member-audit.yml',
  serverUrl: 'https://github.com',
  today: TODAY,
  mention: false,
  graceDays: 30,
  disclosure: PRIVATE_TEXT
}
const people = (n: number, prefix = 'member') =>
  Array.from({ length: n }, (_, i) => ({ login: `${prefix}-${String(i).padStart(4, '0')}` }))

describe('tracking issue text', () => {
  test('1,500 people to contact: body and continuation comments within the limit, no 422, every person once', async () => {
    const result = syntheticResult(people(1500))
    const plan = planContacts(new Map(), result.verdicts, TODAY, 30)
    const text = renderIssue(plan, result, ctx)
    expect(text.parts.length).toBeGreaterThan(0)
    // The compact form is used before continuing in comments: no roles on the lines.
    expect(text.body).toMatch(
      /- \[ \] \[member-0000\]\(https:\/\/github\.com\/member-0000\) · no public activity in 365 days · flagged 2026-11-24 <!-- ma:member-0000 f=2026-11-24 -->/
    )
    for (const t of [text.body, ...text.parts]) expect(t.length).toBeLessThanOrEqual(TEXT_LIMIT)
    expect(text.parts[0]).toMatch(
      /^<!-- member-audit:part 2 id=\.github\/member-audit\.yml -->\n\n### To contact \(1500\) \(continued\)\n\n- \[ \]/
    )
    const records = readRecords([text.body, ...text.parts], TODAY)
    expect(records.size).toBe(1500)

    const world = new WorldBuilder().world
    world.repos.push({ fullName: 'acme/security', private: true })
    const github = await FakeGitHub.start({ world })
    try {
      const client = testClient(github.url)
      const where = { owner: 'acme', repo: 'security' }
      const input = {
        client,
        where,
        id: ctx.id,
        account: { login: 'auditor', type: 'User' as const },
        title: 'Inactive organization members',
        labels: ['member-audit'],
        text,
        anyoneToContact: true,
        log: recordingLogger()
      }
      const created = await syncTrackingIssue({ ...input, existing: null })
      expect(created.action).toBe('created')
      expect(github.requests.filter((r) => r.status === 422)).toEqual([])
      const issue = world.issues[0]!
      expect(issue.comments).toHaveLength(text.parts.length)

      // A tick in a continuation comment is read back like one in the body.
      const holder = issue.comments.find((c) => c.body.includes('[member-1499]'))!
      holder.body = holder.body.replace(/- \[ \] (\[member-1499\])/, '- [x] $1')
      const found = await findTrackingIssue({ ...input, labels: ['member-audit'] })
      const again = readRecords([found!.body, ...[...found!.parts.values()].map((p) => p.body)], '2026-11-30')
      expect(again.get('member-1499')?.contactedOn).toBe('2026-11-30')

      // Most leave the orgs; once their return is older than the grace period the list fits the
      // body again, and the continuations are emptied in place, not deleted.
      const later = '2027-01-15'
      for (const [key, record] of again)
        if (!['member-0000', 'member-0001', 'member-0002'].includes(key))
          again.set(key, { ...record, returnedOn: '2026-12-01' })
      const small = renderIssue(
        planContacts(again, syntheticResult(people(3)).verdicts, later, 30),
        syntheticResult(people(3)),
        { ...ctx, today: later }
      )
      expect(small.parts).toEqual([])
      const shrunk = await syncTrackingIssue({ ...input, text: small, existing: found })
      expect(shrunk.action).toBe('updated')
      expect(issue.comments).toHaveLength(text.parts.length)
      expect(issue.comments[0]!.body).toMatch(/no longer needed/)
      expect(github.requests.filter((r) => r.status === 422)).toEqual([])
    } finally {
      await github.close()
    }
  })

  test('mention: true with 120 people: at most 50 @-mentions in any text, the rest as plain links', () => {
    const result = syntheticResult(people(120, 'p'))
    const plan = planContacts(new Map(), result.verdicts, TODAY, 30)
    const text = renderIssue(plan, result, { ...ctx, mention: true })
    const texts = [text.body, ...text.parts]
    const mentions = texts.map((t) => (t.match(/(^|\s)@p-\d{4}/g) ?? []).length)
    expect(Math.max(...mentions)).toBeLessThanOrEqual(MENTIONS_PER_TEXT)
    expect(mentions.reduce((a, b) => a + b, 0)).toBe(50)
    for (const p of people(120, 'p')) expect(texts.join('\n')).toContain(p.login)
    const off = renderIssue(plan, result, ctx)
    expect(off.body).not.toMatch(/(^|\s)@p-/)
  })

  test('hostile roster text cannot break the issue, mention anyone, or hide the marker', () => {
    const reason =
      '@everyone -->\n<!-- member-audit:tracking-issue id=evil --> | [x](javascript:alert(1)) <script>alert(1)</script>'
    const roster = `version: 1\norgs: [acme]\nexemptions:\n  - login: mallory\n    reason: ${JSON.stringify(reason)}\n`
    const result = syntheticResult([{ login: 'mallory' }, { login: 'quiet' }], roster)
    const plan = planContacts(new Map(), result.verdicts, TODAY, 30)
    const { body } = renderIssue(plan, result, ctx)
    expect(body).toMatch(/### Exemptions \(1\)/)
    expect(body).not.toMatch(/@everyone|<script|javascript:alert\(1\)\)|id=evil -->/)
    expect(body.match(/<!-- member-audit:tracking-issue/g)).toHaveLength(1)
    expect(body).toContain('&#64;everyone')
  })

  test('an unticked box clears "contacted"; a returned person who lapses again starts over', () => {
    const records = readRecords(
      [
        '- [ ] [a](u) <!-- ma:a f=2026-01-01 c=2026-02-01 -->',
        '- [b](u): active, since 2026-11-01 <!-- ma:b f=2026-01-01 c=2026-02-01 r=2026-11-01 -->'
      ],
      TODAY
    )
    expect(records.get('a')).toEqual({ login: 'a', flaggedOn: '2026-01-01' })
    const result = syntheticResult([{ login: 'a' }, { login: 'b' }])
    const plan = planContacts(records, result.verdicts, TODAY, 30)
    expect(plan.toContact.map((c) => c.record)).toEqual([
      { login: 'a', flaggedOn: '2026-01-01' },
      { login: 'b', flaggedOn: TODAY }
    ])
  })
})
