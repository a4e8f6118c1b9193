/**
 * Beyond inactivity, against the fake GitHub: inactive owners first, teams with their own
 * threshold, stale and failed invitations, members without two-factor authentication (or "not
 * checked" without an owner's token), and exemption hygiene.
 */
import { emptyUsage } from '../src/github/client.js'
import { jsonReport } from '../src/reports/json-report.js'
import { notChecked } from '../src/reports/not-checked.js'
import { jobSummary } from '../src/reports/summary.js'
import { auditWorld, statuses } from './helpers.js'
import { WorldBuilder } from '../fake-github/world.js'

const NOW = new Date('2026-11-24T12:00:00Z')
const summaryOf = (result: Parameters<typeof jobSummary>[0]) =>
  jobSummary(result, emptyUsage(), { serverUrl: 'https://github.com', hideConcealed: false, dryRun: true })

describe('privileged and stale access', () => {
  test('an inactive owner of one org who is a plain member of another is listed once, as owner, at the top', async () => {
    const b = new WorldBuilder(NOW)
    b.member('alpha', 'boss', { role: 'admin' }).member('beta', 'boss')
    b.member('alpha', 'quiet-member')
    b.member('beta', 'busy').did('busy', 'issue', 3)
    const { result } = await auditWorld(b.world, 'version: 1\norgs: [alpha, beta]\n')
    const summary = summaryOf(result)
    expect(summary).toMatch(
      /^## Member audit[^\n]*\n\n[^\n]*\n\n### Inactive owners \(1\)\n\n\[boss\]\(https:\/\/github\.com\/boss\) \(owner of alpha\)\n/
    )
    expect(summary.match(/\[boss\]/g)).toHaveLength(2) // the owners line and one row in the inactive table
    const report = jsonReport(result, emptyUsage()) as { inactiveOwners: string[]; people: { login: string }[] }
    expect(report.inactiveOwners).toEqual(['boss'])
    expect(report.people.map((p) => p.login)).toEqual(['boss', 'quiet-member', 'busy'])
  })

  test('a team held to its own threshold, maintainers marked, members ranked after owners', async () => {
    const b = new WorldBuilder(NOW)
    b.member('acme', 'council-chair').did('council-chair', 'issue', 20)
    b.member('acme', 'council-member').did('council-member', 'issue', 200)
    b.member('acme', 'ordinary').did('ordinary', 'issue', 200)
    b.team('acme', 'security-council', [{ login: 'council-chair', role: 'maintainer' }, { login: 'council-member' }])
    const { result } = await auditWorld(
      b.world,
      'version: 1\norgs: [acme]\nteams:\n  - team: acme/security-council\n    inactive-after-days: 180\n'
    )
    expect(statuses(result)).toEqual({ 'council-chair': 'active', 'council-member': 'inactive', ordinary: 'active' })
    expect(result.teams).toEqual([
      {
        team: 'acme/security-council',
        windowDays: 180,
        members: [
          { login: 'council-chair', maintainer: true },
          { login: 'council-member', maintainer: false }
        ]
      }
    ])
    expect(summaryOf(result)).toMatch(
      /### Team acme\/security-council \(2, inactive after 180 days\)\n\n\| Member \| Maintainer \| Status \|\n\| --- \| --- \| --- \|\n\| \[council-chair\][^\n]*\| yes \| active \|\n\| \[council-member\][^\n]*\| {2}\| inactive \|/
    )
  })

  test('a team that does not exist stops the run with a message naming it', async () => {
    const b = new WorldBuilder(NOW).member('acme', 'a')
    await expect(
      auditWorld(b.world, 'version: 1\norgs: [acme]\nteams:\n  - team: acme/no-such-team\n')
    ).rejects.toThrow(/Team "acme\/no-such-team" \(roster teams\) was not found/)
  })

  test('an invitation pending 45 days and a failed one are reported; a 10-day-old one is not', async () => {
    const b = new WorldBuilder(NOW).member('acme', 'a').did('a', 'issue', 1)
    b.invite('acme', { login: 'slowpoke', email: null, role: 'direct_member', inviter: 'a', daysAgo: 45 })
    b.invite('acme', {
      login: null,
      email: 'someone@example.org',
      role: 'admin',
      inviter: 'a',
      daysAgo: 60,
      failedDaysAgo: 53,
      failedReason: 'Invitation expired'
    })
    b.invite('acme', { login: 'newbie', email: null, role: 'direct_member', inviter: 'a', daysAgo: 10 })
    const { result } = await auditWorld(b.world, 'version: 1\norgs: [acme]\n')
    expect(result.invitations!.items.map((i) => i.login ?? i.email)).toEqual(['slowpoke', 'someone@example.org'])
    const summary = summaryOf(result)
    expect(summary).toMatch(/### Invitations pending too long or failed \(2\)/)
    expect(summary).toMatch(/\| acme \| \[slowpoke\][^|]*\| direct\\_member \| \[a\][^|]*\| pending for 45 days \|/)
    expect(summary).toMatch(
      /\| acme \| someone&#64;example\.org \| admin \| \[a\][^|]*\| failed 2026-10-02: Invitation expired \|/
    )
  })

  test('a member without 2FA in three orgs is one line; with a non-owner token it is "not checked", never "none"', async () => {
    const b = new WorldBuilder(NOW)
    for (const org of ['o1', 'o2', 'o3']) b.member(org, 'no2fa', { twoFactor: false }).member(org, `safe-${org}`)
    const roster = 'version: 1\norgs: [o1, o2, o3]\n'
    const owner = await auditWorld(b.world, roster)
    expect(owner.result.twoFactorDisabled).toEqual({
      items: [{ login: 'no2fa', orgs: ['o1', 'o2', 'o3'] }],
      notChecked: []
    })
    expect(summaryOf(owner.result)).toMatch(
      /### Without two-factor authentication \(1\)\n\n\| Person \| Organizations \|\n\| --- \| --- \|\n\| \[no2fa\][^|]*\| o1, o2, o3 \|/
    )

    b.token('plain-member', { orgs: 'all' })
    const plain = await auditWorld(b.world, roster, { token: 'plain-member' })
    expect(plain.result.twoFactorDisabled!.items).toEqual([])
    const summary = summaryOf(plain.result)
    expect(summary).toMatch(
      /### Without two-factor authentication \(0\)\n\n\*\*Not checked\*\* in o1 \(needs an organization owner's token: the token's account is a member, not an owner\), o2 \(needs/
    )
    expect(summary).not.toMatch(/Without two-factor authentication \(0\)\n\nNone\./)
    const reasons = notChecked(plain.result)
    expect(reasons.twoFactorDisabled).toMatch(
      /^o1: not checked: needs an organization owner's token: the token's account is a member, not an owner; o2: /
    )
    expect(reasons.invitations).toMatch(
      /^o1: not checked: needs an organization owner's token: the token's account is a member/
    )
  })

  test('exemption hygiene: expired, expiring soon, and dangling exemptions are reported', async () => {
    const b = new WorldBuilder(NOW)
    b.member('acme', 'lapsed').member('acme', 'soon').member('acme', 'fine')
    const roster = `version: 1
orgs: [acme]
exemptions:
  - { login: lapsed, reason: Sabbatical, until: 2026-10-01 }
  - { login: soon, reason: Parental leave, until: 2026-12-10 }
  - { login: fine, reason: Release manager }
  - { login: departed, reason: Left last year }
`
    const { result } = await auditWorld(b.world, roster)
    expect(statuses(result)).toEqual({ lapsed: 'inactive', soon: 'exempt', fine: 'exempt' })
    expect(result.danglingExemptions.map((e) => e.login)).toEqual(['departed'])
    const summary = summaryOf(result)
    expect(summary).toMatch(
      /### Exemptions not applied \(1\)[\s\S]*\[lapsed\][^\n]*\| expired \| 2026-10-01 \| Sabbatical \|/
    )
    expect(summary).toMatch(
      /### Exemptions for people in none of the organizations \(1\)\n\n- departed \(roster line 7\): Left last year/
    )
  })

  test('an outside collaborator with write access and no activity: repositories, permission and verdict; members unchanged', async () => {
    const b = new WorldBuilder(NOW)
    b.member('acme', 'staff').did('staff', 'issue', 5)
    b.collaborator('acme', 'contractor', { app: 'push', docs: 'pull' }, { twoFactor: false })
    b.collaborator('acme', 'helper', { docs: 'triage' })
    b.did('helper', 'label', 100, { repo: 'acme/docs' })
    const roster = 'version: 1\norgs: [acme]\ninclude:\n  outside-collaborators: true\n'
    const { result, github } = await auditWorld(b.world, roster)
    expect(statuses(result)).toEqual({ staff: 'active' })
    // The org's repositories are listed once, for the collaborator check and the sweep alike.
    expect(github.requests.filter((r) => r.path === '/orgs/acme/repos')).toHaveLength(1)
    expect(result.outsideCollaborators!.map((v) => [v.person.login, v.status, v.person.outside])).toEqual([
      [
        'contractor',
        'inactive',
        [
          {
            org: 'acme',
            repos: [
              { repo: 'acme/app', permission: 'push' },
              { repo: 'acme/docs', permission: 'pull' }
            ]
          }
        ]
      ],
      ['helper', 'active', [{ org: 'acme', repos: [{ repo: 'acme/docs', permission: 'triage' }] }]]
    ])
    expect(result.twoFactorDisabled!.items).toEqual([{ login: 'contractor', orgs: ['acme'] }])
    expect(summaryOf(result)).toMatch(
      /### Outside collaborators \(2\)\n\n[^\n]*\n[^\n]*\n\| \[contractor\][^|]*\| acme\/app \(push\), acme\/docs \(pull\) \| inactive \| none in the window \|/
    )
    const report = jsonReport(result, emptyUsage()) as { outsideCollaborators: { login: string; status: string }[] }
    expect(report.outsideCollaborators.map((o) => `${o.login}:${o.status}`)).toEqual([
      'contractor:inactive',
      'helper:active'
    ])
    // Off by default: not read at all.
    const off = await auditWorld(b.world, 'version: 1\norgs: [acme]\n')
    expect(off.result.outsideCollaborators).toBeNull()
    expect(
      off.github.requests.some((r) => r.path.includes('outside_collaborators') || r.path.endsWith('/collaborators'))
    ).toBe(false)
  })
})
