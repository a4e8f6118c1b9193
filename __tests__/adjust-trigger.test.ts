/**
 * The comment-triggered path acts only for the repository's owners, members and collaborators:
 * an outsider's comment starts a run that is ignored without any write, and the example workflow
 * keeps such runs out of the scheduled audit's concurrency group, so that no comment can cancel
 * (displace) a queued scheduled run.
 */
import { readFile } from 'node:fs/promises'
import { parse } from 'yaml'
import { FakeGitHub } from '../fake-github/server.js'
import { adjustWorld, comment, contacted, commentEvent, orgWrites, roster, runOn } from './adjust-helpers.js'

const DEMOTE = roster('  owners: demote\n  teams: remove\n')

describe('apply mode: who may start a comment-triggered run', () => {
  test("an outsider's command: ignored, nothing read as a command, no write at all", async () => {
    const github = await FakeGitHub.start({ world: adjustWorld() })
    try {
      const issue = await contacted(github, DEMOTE)
      await comment(github, 'mallory-token', issue, '/member-audit approve alice')
      const writes = github.writes().length
      const run = await runOn(github, 9, DEMOTE, await commentEvent(issue, 'NONE'))
      expect(run.code).toBe(0)
      expect(github.writes()).toHaveLength(writes)
      expect(orgWrites(github)).toEqual([])
      expect(run.summary).toMatch(/collaborator of the repository \\?\(author\\?_association NONE\\?\): ignored/)
    } finally {
      await github.close()
    }
  })
})

describe('docs/examples/apply.yml', () => {
  interface Job {
    if?: string
    concurrency?: { group?: string; 'cancel-in-progress'?: boolean }
    steps: { uses?: string }[]
  }
  const workflow = async (): Promise<{ on: Record<string, unknown>; jobs: Record<string, Job> }> =>
    parse(await readFile(new URL('../docs/examples/apply.yml', import.meta.url), 'utf8'))

  test("comments run in their own concurrency group, filtered on author_association; the schedule's group is its own", async () => {
    const { on, jobs } = await workflow()
    expect(Object.keys(on).sort()).toEqual(['issue_comment', 'schedule', 'workflow_dispatch'])
    const all = Object.values(jobs)
    const commentJob = all.find((j) => j.if?.includes("github.event_name == 'issue_comment'"))!
    const scheduledJob = all.find((j) => j.if?.includes("github.event_name != 'issue_comment'"))!
    expect(commentJob).toBeDefined()
    expect(scheduledJob).toBeDefined()
    expect(commentJob.concurrency?.group).toBeTruthy()
    expect(scheduledJob.concurrency?.group).toBeTruthy()
    expect(commentJob.concurrency!.group).not.toBe(scheduledJob.concurrency!.group)
    for (const j of [commentJob, scheduledJob]) expect(j.concurrency!['cancel-in-progress']).toBe(false)
    expect(commentJob.if).toContain('github.event.comment.author_association')
    for (const association of ['OWNER', 'MEMBER', 'COLLABORATOR']) expect(commentJob.if).toContain(association)
    expect(commentJob.if).not.toMatch(/CONTRIBUTOR|NONE|FIRST_TIME/)
    // No workflow-level group either: it would put both jobs in one queue again.
    expect(
      parse(await readFile(new URL('../docs/examples/apply.yml', import.meta.url), 'utf8')).concurrency
    ).toBeUndefined()
  })
})
