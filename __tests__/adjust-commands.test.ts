/**
 * Commands on the tracking issue: who may approve, each comment once, edits and forgeries refused
 * with a reason, and reading them writes nothing.
 */
import { type IssueComment, commandLines, readCommands } from '../src/adjust/commands.js'
import { checkApprovers } from '../src/adjust/approvers.js'
import { derivedId } from '../fake-github/accounts.js'
import { FakeGitHub } from '../fake-github/server.js'
import { WorldBuilder } from '../fake-github/world.js'
import { recordingLogger, testClient } from './helpers.js'

const AT = '2026-06-01T10:00:00Z'
const comment = (id: number, login: string, body: string, extra: Partial<IssueComment> = {}): IssueComment => ({
  id,
  body,
  user: { login, id: derivedId(login), type: login.endsWith('[bot]') ? 'Bot' : 'User' },
  created_at: AT,
  updated_at: AT,
  ...extra
})

describe('commands', () => {
  test('one command a line, logins with or without @, commas allowed', () => {
    expect(commandLines('Thanks!\n/member-audit approve alice, @bob\n/member-audit reinstate carol')).toEqual([
      { verb: 'approve', logins: ['alice', 'bob'], bad: [] },
      { verb: 'reinstate', logins: ['carol'], bad: [] }
    ])
  })

  test('a command quoted, inside a code block, or in the middle of a sentence is not a command', () => {
    const body =
      '> /member-audit approve alice\n```\n/member-audit approve bob\n```\nplease /member-audit approve carol'
    expect(commandLines(body)).toEqual([])
  })

  test("each comment once: a comment already seen is not read again; the action's own text is never a command", () => {
    const comments = [
      comment(1, 'carreau', '/member-audit approve alice'),
      comment(2, 'carreau', '/member-audit approve bob'),
      comment(3, 'auditor', '/member-audit approve eve')
    ]
    const { commands, refused } = readCommands(comments, new Set([1]), 'auditor')
    expect(commands).toEqual([
      { verb: 'approve', logins: ['bob'], commentId: 2, by: 'carreau', byId: derivedId('carreau'), at: AT }
    ])
    expect(refused).toEqual([])
  })

  test('an edited comment counts for nothing, with the reason', () => {
    const edited = comment(7, 'carreau', '/member-audit approve mallory', { updated_at: '2026-06-02T10:00:00Z' })
    const { commands, refused } = readCommands([edited], new Set(), 'auditor')
    expect(commands).toEqual([])
    expect(refused).toEqual([
      {
        commentId: 7,
        by: 'carreau',
        reason: 'the comment was edited after it was written; edits count for nothing: post a new comment'
      }
    ])
  })

  test('words that are not logins are refused by name', () => {
    const { refused } = readCommands([comment(4, 'carreau', '/member-audit approve al!ce')], new Set(), 'auditor')
    expect(refused[0]!.reason).toBe('not logins: al!ce')
  })
})

describe('approvers', () => {
  let github: FakeGitHub
  beforeAll(async () => {
    const b = new WorldBuilder(new Date(AT))
      .member('jupyter', 'carreau')
      .member('jupyter', 'sec')
      .member('jupyter', 'mallory')
      .team('jupyter', 'security-council', [{ login: 'sec' }])
    github = await FakeGitHub.start({ world: b.world })
  })
  afterAll(async () => {
    await github.close()
  })

  test('a listed login and a member of a listed team approve; anyone else and any bot are refused; nothing is written', async () => {
    const client = testClient(github.url)
    const { commands } = readCommands(
      [
        comment(11, 'carreau', '/member-audit approve alice'),
        comment(12, 'sec', '/member-audit approve bob'),
        comment(13, 'mallory', '/member-audit approve carol'),
        comment(14, 'carreau[bot]', '/member-audit approve dave')
      ],
      new Set(),
      'auditor'
    )
    const checked = await checkApprovers({
      client,
      approvers: ['Carreau', 'jupyter/security-council'],
      commands,
      bindings: {},
      log: recordingLogger()
    })
    expect(checked.commands.map((c) => c.commentId)).toEqual([11, 12])
    expect(checked.refused).toEqual([
      {
        commentId: 13,
        by: 'mallory',
        reason: 'mallory is not an approver (adjust.approvers); the command was ignored'
      },
      {
        commentId: 14,
        by: 'carreau[bot]',
        reason: 'carreau[bot] is not an approver (adjust.approvers); the command was ignored'
      }
    ])
    expect(checked.bindings).toEqual({ carreau: derivedId('carreau') })
    expect(github.writes()).toEqual([])
  })
})
