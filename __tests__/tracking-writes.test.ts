/**
 * A failed write in the middle of an update loses no tick and no date. 1,500 people on the list
 * fill the body and several continuation comments; an update moves their lines (600 of them
 * return, so the rest move up). The update is run once for every write it makes, failing that
 * write (and only it); after each, the issue as GitHub holds it still has every person's flag
 * date and every tick.
 */
import { PRIVATE_TEXT } from '../src/text/disclosure.js'
import { renderIssue } from '../src/tracking-issue/body.js'
import { findTrackingIssue } from '../src/tracking-issue/find.js'
import { planContacts } from '../src/tracking-issue/plan.js'
import { type ContactRecords, readRecords } from '../src/tracking-issue/state.js'
import { syncTrackingIssue } from '../src/tracking-issue/write.js'
import type { IssueText } from '../src/tracking-issue/layout.js'
import { FakeGitHub } from '../fake-github/server.js'
import { WorldBuilder } from '../fake-github/world.js'
import { silentLogger } from '../src/logger.js'
import { syntheticResult, testClient } from './helpers.js'

const TODAY = '2026-11-24'
const ID = '.github/member-audit.yml'
const where = { owner: 'acme', repo: 'security' }
const logins = Array.from({ length: 1500 }, (_, i) => `member-${String(i).padStart(4, '0')}`)
const contacted = (i: number): string | undefined => (i % 7 === 0 ? '2026-10-15' : undefined)
const before: ContactRecords = new Map(
  logins.map((login, i) => [
    login,
    { login, flaggedOn: '2026-10-01', ...(contacted(i) ? { contactedOn: contacted(i) } : {}) }
  ])
)

function text(records: ContactRecords, activeFirst: number): IssueText {
  const result = syntheticResult(
    logins.map((login, i) => ({ login, status: i < activeFirst ? ('active' as const) : ('inactive' as const) }))
  )
  const plan = planContacts(records, result.verdicts, TODAY, 30)
  return renderIssue(plan, result, {
    id: ID,
    serverUrl: 'https://github.com',
    today: TODAY,
    mention: false,
    graceDays: 30,
    disclosure: PRIVATE_TEXT
  })
}

/** Creates the issue, then runs the update failing its `failAt`-th write; returns the records GitHub then holds and the writes the update made. */
async function updateFailingAt(failAt: number): Promise<{ records: ContactRecords; writes: number }> {
  const world = new WorldBuilder().world
  world.repos.push({ fullName: 'acme/security', private: true })
  let counting = false
  let writes = 0
  const github = await FakeGitHub.start({
    world,
    fault: (r) => {
      if (!counting || r.method === 'GET' || r.path === '/graphql') return undefined
      return ++writes === failAt ? { status: 422, body: { message: 'Validation Failed (injected)' } } : undefined
    }
  })
  try {
    const client = testClient(github.url, { log: silentLogger })
    const base = {
      client,
      where,
      id: ID,
      account: { login: 'auditor', type: 'User' as const },
      title: 'Inactive organization members',
      labels: ['member-audit'],
      anyoneToContact: true,
      log: silentLogger
    }
    await syncTrackingIssue({ ...base, existing: null, text: text(before, 0) })
    const found = await findTrackingIssue(base)
    counting = true
    await syncTrackingIssue({ ...base, existing: found, text: text(readRecords(texts(found), TODAY), 600) }).catch(
      () => undefined
    )
    counting = false
    return { records: readRecords(texts(await findTrackingIssue(base)), TODAY), writes }
  } finally {
    await github.close()
  }
}

function texts(issue: Awaited<ReturnType<typeof findTrackingIssue>>): string[] {
  return issue ? [issue.body, ...[...issue.parts.values()].map((p) => p.body)] : []
}

test('failing each write of an update in turn loses no tick and no date', async () => {
  const clean = await updateFailingAt(Infinity)
  expect(clean.writes).toBeGreaterThanOrEqual(3)
  for (let failAt = 1; failAt <= clean.writes; failAt++) {
    const { records } = await updateFailingAt(failAt)
    const lost = logins.filter((login, i) => {
      const r = records.get(login)
      return !r || r.flaggedOn !== '2026-10-01' || r.contactedOn !== contacted(i)
    })
    expect({ failAt, lost: lost.length, first: lost[0] }).toEqual({ failAt, lost: 0, first: undefined })
  }
}, 60_000)
