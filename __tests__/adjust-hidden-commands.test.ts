/**
 * A command a reader does not see as one approves nobody, end to end: an approver's comments with
 * the command in an indented example, in a multi-line HTML comment, and in a ``` block that a
 * ~~~ line does not close leave the person as they were; a plain command line from the same
 * approver afterwards does approve.
 */
import { FakeGitHub } from '../fake-github/server.js'
import { adjustWorld, comment, contacted, held, orgWrites, roster, runOn } from './adjust-helpers.js'

const REMOVE = roster('  membership: remove\n')

const HIDDEN = [
  'To approve once the grace period is over, write:\n\n    /member-audit approve alice\n\nI have not decided yet.',
  'Waiting for her answer.\n<!--\n/member-audit approve alice\n-->',
  'The command looks like this:\n```\n/member-audit approve alice\n~~~\nDo not run it yet.'
]

describe('apply mode: commands hidden by Markdown', () => {
  test('an indented example, an HTML comment and an unclosed ``` block approve nobody; a plain line then does', async () => {
    const github = await FakeGitHub.start({ world: adjustWorld() })
    try {
      const issue = await contacted(github, REMOVE) // contacted on day 1: due from day 9
      const before = held(github.world, 'alice')
      for (const body of HIDDEN) await comment(github, 'carreau-token', issue, body)

      const hidden = await runOn(github, 9, REMOVE)
      expect(hidden.code).toBe(0)
      expect(orgWrites(github)).toEqual([])
      expect(held(github.world, 'alice')).toEqual(before)
      expect(hidden.summary).toMatch(/No approved adjustment or reinstatement to carry out/)

      await comment(
        github,
        'carreau-token',
        issue,
        'Contacted, no answer in the grace period.\n/member-audit approve alice'
      )
      const plain = await runOn(github, 10, REMOVE)
      expect(plain.code).toBe(0)
      expect(orgWrites(github)).toEqual(['DELETE /orgs/acme/memberships/alice'])
      expect(held(github.world, 'alice')).toEqual({ role: null, teams: [], repos: {} })
      expect(plain.summary).toMatch(/alice in acme: adjusted on approval by carreau/)
    } finally {
      await github.close()
    }
  })
})
