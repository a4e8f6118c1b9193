/**
 * Issues and their comments, as GitHub's REST API serves them: list with `state` and `labels`
 * filters, create, edit, comment. Bodies over 65,536 characters are refused with a 422, a repository
 * with issues disabled answers 410, a token that may not write answers 403.
 */
import { type Reply, error, paginate, validationFailed } from './answers.js'
import { issue as issueJson, issueComment, label } from './rest-shapes.js'
import type { RecordedRequest } from './request.js'
import { type World, type WorldIssue, type WorldToken, tokenAccount } from './world.js'

const MAX_BODY = 65_536

function tooLong(field: string): Reply {
  return validationFailed([
    {
      resource: field === 'title' ? 'Issue' : 'IssueComment',
      code: 'custom',
      field,
      message: `${field} is too long (maximum is ${field === 'title' ? 256 : MAX_BODY} characters)`
    }
  ])
}

export function routeIssues(
  world: World,
  r: RecordedRequest,
  url: URL,
  token: WorldToken,
  serverUrl: string
): Reply | null {
  const parts = r.path.split('/').filter(Boolean)
  if (parts[0] !== 'repos' || parts[3] !== 'issues') return null
  const fullName = `${parts[1]}/${parts[2]}`
  const repo = world.repos.find((x) => x.fullName.toLowerCase() === fullName.toLowerCase())
  if (!repo) return error(404, 'Not Found')
  if (repo.hasIssues === false) return error(410, 'Issues are disabled for this repo')
  const writing = r.method !== 'GET'
  if (writing && token.canWrite === false) return error(403, 'Resource not accessible by personal access token')
  const inRepo = world.issues.filter((i) => i.repo.toLowerCase() === fullName.toLowerCase())
  // The world keeps no times for issues: they were opened at its start and last touched by their newest comment.
  const json = (i: WorldIssue) => {
    const touched = i.comments.map((c) => c.updatedAt ?? c.createdAt).filter((t): t is string => Boolean(t))
    const updatedAt = touched.sort().at(-1) ?? world.now.toISOString()
    const facts = { ...i, author: i.author ?? 'auditor', comments: i.comments.length }
    return issueJson(world, { ...facts, createdAt: '2015-01-01T00:00:00Z', updatedAt }, serverUrl)
  }
  const commentJson = (issueNumber: number, c: WorldIssue['comments'][number]) =>
    issueComment(
      world,
      {
        repo: repo.fullName,
        issue: issueNumber,
        id: c.id,
        body: c.body,
        author: c.author,
        createdAt: c.createdAt ?? world.now.toISOString(),
        updatedAt: c.updatedAt ?? c.createdAt ?? world.now.toISOString()
      },
      serverUrl
    )
  const body = r.body ?? {}

  // /repos/o/r/issues
  if (parts.length === 4) {
    if (r.method === 'GET') {
      const state = r.query.state ?? 'open'
      const labels = (r.query.labels ?? '').split(',').filter(Boolean)
      // `creator`: "The user that created the issue" (docs: list repository issues), as its login.
      const creator = r.query.creator?.toLowerCase()
      const listed = inRepo
        .filter((i) => (state === 'all' || i.state === state) && labels.every((l) => i.labels.includes(l)))
        .filter((i) => !creator || (i.author ?? 'auditor').toLowerCase() === creator)
        .sort((a, b) => b.number - a.number)
      return paginate(url, listed.map(json))
    }
    if (r.method === 'POST') {
      if (typeof body.title !== 'string' || !body.title)
        return validationFailed([{ resource: 'Issue', code: 'missing_field', field: 'title' }])
      if (body.title.length > 256) return tooLong('title')
      if (typeof body.body === 'string' && body.body.length > MAX_BODY) return tooLong('body')
      const issue: WorldIssue = {
        repo: repo.fullName,
        number: world.issues.reduce((n, i) => Math.max(n, i.number), 0) + 1,
        title: body.title,
        body: typeof body.body === 'string' ? body.body : '',
        state: 'open',
        labels: Array.isArray(body.labels) ? (body.labels as string[]) : [],
        comments: [],
        author: tokenAccount(token).login
      }
      world.issues.push(issue)
      return { status: 201, body: json(issue) }
    }
  }
  // /repos/o/r/issues/comments/{id}
  if (parts[4] === 'comments' && parts.length === 6 && r.method === 'PATCH') {
    const holder = inRepo.find((i) => i.comments.some((c) => c.id === Number(parts[5])))
    const comment = holder?.comments.find((c) => c.id === Number(parts[5]))
    if (!holder || !comment) return error(404, 'Not Found')
    if (typeof body.body === 'string' && body.body.length > MAX_BODY) return tooLong('body')
    comment.body = String(body.body ?? comment.body)
    comment.updatedAt = world.now.toISOString()
    return { status: 200, body: commentJson(holder.number, comment) }
  }
  const issue = inRepo.find((i) => i.number === Number(parts[4]))
  if (!issue) return error(404, 'Not Found')
  // /repos/o/r/issues/{n}
  if (parts.length === 5 && r.method === 'PATCH') {
    if (typeof body.body === 'string') {
      if (body.body.length > MAX_BODY) return tooLong('body')
      issue.body = body.body
    }
    if (body.state === 'open' || body.state === 'closed') issue.state = body.state
    if (typeof body.title === 'string') issue.title = body.title
    return { status: 200, body: json(issue) }
  }
  if (parts.length === 5 && r.method === 'GET') return { status: 200, body: json(issue) }
  // /repos/o/r/issues/{n}/labels: adds labels (docs: issues/labels#add-labels-to-an-issue).
  if (parts[5] === 'labels' && parts.length === 6 && r.method === 'POST') {
    const names = Array.isArray(body.labels) ? (body.labels as string[]) : []
    for (const name of names) if (!issue.labels.includes(name)) issue.labels.push(name)
    return { status: 200, body: issue.labels.map((name) => label(repo.fullName, name, serverUrl)) }
  }
  // /repos/o/r/issues/{n}/comments
  if (parts[5] === 'comments' && parts.length === 6) {
    if (r.method === 'GET')
      return paginate(
        url,
        issue.comments.map((c) => commentJson(issue.number, c))
      )
    if (r.method === 'POST') {
      if (typeof body.body !== 'string' || !body.body)
        return validationFailed([{ resource: 'IssueComment', code: 'missing_field', field: 'body' }])
      if (body.body.length > MAX_BODY) return tooLong('body')
      const id = world.issues.flatMap((i) => i.comments).reduce((n, c) => Math.max(n, c.id), 100) + 1
      const comment = { id, body: body.body, author: tokenAccount(token).login, createdAt: world.now.toISOString() }
      issue.comments.push(comment)
      return { status: 201, body: commentJson(issue.number, comment) }
    }
  }
  return null
}
