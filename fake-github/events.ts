/**
 * The public events GitHub would show for a user: only the last 30 days, at most 300, newest
 * first (docs.github.com/en/rest/activity/events: "Only events created within the past 30 days
 * will be included"; "up to 300 events").
 */
import type { Activity, World, WorldUser } from './world.js'
import { actor, apiUrl, idOf } from './rest-shapes.js'

const EVENTS_WINDOW_DAYS = 30
export const EVENTS_CAP = 300

interface EventShape {
  type: string
  action?: string
}

function eventShape(a: Activity): EventShape | null {
  switch (a.kind) {
    case 'commit':
    case 'push':
    case 'force_push':
      return { type: 'PushEvent' }
    case 'issue':
      return { type: 'IssuesEvent', action: 'opened' }
    case 'close':
      return { type: 'IssuesEvent', action: 'closed' }
    case 'label':
      return { type: a.onPullRequest ? 'PullRequestEvent' : 'IssuesEvent', action: 'labeled' }
    case 'unlabel':
      return { type: a.onPullRequest ? 'PullRequestEvent' : 'IssuesEvent', action: 'unlabeled' }
    case 'assign':
      return { type: a.onPullRequest ? 'PullRequestEvent' : 'IssuesEvent', action: 'assigned' }
    case 'pull_request':
      return { type: 'PullRequestEvent', action: 'opened' }
    case 'merge':
      return { type: 'PullRequestEvent', action: 'closed' }
    case 'review':
      return { type: 'PullRequestReviewEvent', action: 'created' }
    case 'issue_comment':
      return { type: 'IssueCommentEvent', action: 'created' }
    case 'star':
      return { type: 'WatchEvent', action: 'started' }
    case 'repository':
      return { type: 'CreateEvent' }
    case 'fork':
      return { type: 'ForkEvent' }
    case 'discussion':
      return { type: 'DiscussionEvent', action: 'created' }
    case 'commit_comment':
      return { type: 'CommitCommentEvent' }
    case 'gist':
    case 'discussion_comment':
      return null // GitHub's public event types have none for these
  }
}

export function publicEvents(world: World, user: WorldUser, serverUrl: string): Record<string, unknown>[] {
  const cutoff = world.now.getTime() - EVENTS_WINDOW_DAYS * 24 * 60 * 60 * 1000
  return user.activities
    .filter(
      (a) => !a.private && eventShape(a) !== null && a.at.getTime() >= cutoff && a.at.getTime() <= world.now.getTime()
    )
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .slice(0, EVENTS_CAP)
    .map((a, i) => {
      const shape = eventShape(a)!
      const htmlUrl = `${serverUrl}/${a.repo}/issues/${i + 1}`
      const payload: Record<string, unknown> = shape.action ? { action: shape.action } : {}
      if (a.kind === 'issue_comment') payload.comment = { html_url: `${htmlUrl}#issuecomment-${i + 1}` }
      if (['issue', 'close', 'label', 'issue_comment'].includes(a.kind)) payload.issue = { html_url: htmlUrl }
      if (['pull_request', 'merge', 'review'].includes(a.kind))
        payload.pull_request = { html_url: `${serverUrl}/${a.repo}/pull/${i + 1}` }
      // A push names its branch and commits (`push-event`: repository_id, push_id, ref, head, before).
      if (shape.type === 'PushEvent')
        Object.assign(payload, {
          repository_id: idOf(a.repo),
          push_id: 1000 + i,
          ref: a.defaultBranch === false ? `refs/heads/${a.branch ?? 'feature'}` : 'refs/heads/main',
          head: '1'.repeat(40),
          before: '0'.repeat(40)
        })
      return {
        id: String(1000 + i),
        type: shape.type,
        actor: actor(user.login, serverUrl),
        repo: {
          id: idOf(a.repo),
          name: a.repo,
          url: `${apiUrl(serverUrl)}/repos/${a.repo.split('/').map(encodeURIComponent).join('/')}`
        },
        payload,
        public: true,
        created_at: a.at.toISOString()
      }
    })
}
