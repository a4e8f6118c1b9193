/**
 * The Git database endpoints apply mode's lock uses, as GitHub documents them (docs.github.com/en/rest/git):
 * - `POST /repos/{owner}/{repo}/git/trees` {tree: [{path, mode, type, content}]}: 201 {sha} (trees#create-a-tree);
 * - `POST /repos/{owner}/{repo}/git/commits` {message, tree, parents}: 201 {sha, message, tree, parents};
 *   422 when the tree or a parent does not exist; `GET …/git/commits/{commit_sha}`: 200 / 404 (commits);
 * - `POST /repos/{owner}/{repo}/git/refs` {ref, sha}: 201; 422 "Reference already exists" when it
 *   does; the name must start with `refs/` and have at least two slashes; a repository without
 *   branches takes no new reference (refs#create-a-reference);
 * - `GET …/git/ref/{ref}` (without `refs/`): 200 / 404 (refs#get-a-reference);
 * - `PATCH …/git/refs/{ref}` {sha, force}: without force, only a fast forward — the new commit
 *   descends from the one the ref points at — else 422 "Update is not a fast forward" (refs#update-a-reference);
 * - `DELETE …/git/refs/{ref}`: 204; 422 "Reference does not exist" (refs#delete-a-reference).
 * Writing takes Contents: write (403 otherwise: `contentsWrite: false` on the token). The objects
 * answered are GitHub's full shapes (git-shapes.ts).
 */
import { createHash } from 'node:crypto'
import { type Reply, error } from './answers.js'
import { gitCommit, gitRef, gitTree } from './git-shapes.js'
import type { RecordedRequest } from './request.js'
import type { GitData, World, WorldToken } from './world.js'

export function gitData(world: World, repo: string): GitData {
  const key = repo.toLowerCase()
  world.git ??= {}
  world.git[key] ??= { refs: {}, commits: {}, trees: new Set() }
  return world.git[key]
}

const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex')

export function routeGitRefs(world: World, r: RecordedRequest, token: WorldToken, serverUrl: string): Reply | null {
  const p = r.path.split('/').filter(Boolean)
  if (p[0] !== 'repos' || p[3] !== 'git' || p.length < 5) return null
  const fullName = `${p[1]}/${p[2]}`
  const repo = world.repos.find((x) => x.fullName.toLowerCase() === fullName.toLowerCase())
  if (!repo) return error(404, 'Not Found')
  if (r.method !== 'GET' && token.contentsWrite === false)
    return error(403, `Resource not accessible by ${token.app ? 'integration' : 'personal access token'}`)
  const git = gitData(world, repo.fullName)
  const body = r.body ?? {}
  const kind = p[4]
  const commitJson = (sha: string, c: GitData['commits'][string]) => gitCommit(repo.fullName, sha, c, serverUrl)
  const refJson = (ref: string, sha: string) => gitRef(repo.fullName, ref, sha, serverUrl)
  if (kind === 'trees' && r.method === 'POST' && p.length === 5) {
    const entries = Array.isArray(body.tree) ? (body.tree as Record<string, unknown>[]) : []
    const sha = sha1(`tree ${JSON.stringify(entries)}`)
    git.trees.add(sha)
    return { status: 201, body: gitTree(repo.fullName, sha, entries, serverUrl) }
  }
  if (kind === 'commits' && p.length === 5 && r.method === 'POST') {
    const made = createCommit(world, git, body)
    return typeof made === 'string' ? { status: 201, body: commitJson(made, git.commits[made]!) } : made
  }
  if (kind === 'commits' && p.length === 6 && r.method === 'GET') {
    const commit = git.commits[p[5]!]
    return commit ? { status: 200, body: commitJson(p[5]!, commit) } : error(404, 'Not Found')
  }
  if (kind === 'refs' && p.length === 5 && r.method === 'POST') {
    const ref = String(body.ref ?? '')
    if (!ref.startsWith('refs/') || ref.split('/').length < 3) return error(422, 'Reference name is invalid')
    if (git.empty) return error(422, 'Git Repository is empty.')
    if (!git.commits[String(body.sha)]) return error(422, 'Object does not exist')
    if (git.refs[ref]) return error(422, 'Reference already exists')
    git.refs[ref] = String(body.sha)
    return { status: 201, body: refJson(ref, git.refs[ref]!) }
  }
  const ref = `refs/${p.slice(5).join('/')}`
  if (kind === 'ref' && r.method === 'GET') {
    const at = git.refs[ref]
    return at ? { status: 200, body: refJson(ref, at) } : error(404, 'Not Found')
  }
  if (kind === 'refs' && r.method === 'PATCH') {
    const moved = updateRef(git, ref, String(body.sha), body.force === true)
    return moved ?? { status: 200, body: refJson(ref, git.refs[ref]!) }
  }
  if (kind === 'refs' && r.method === 'DELETE') {
    if (!git.refs[ref]) return error(422, 'Reference does not exist')
    delete git.refs[ref]
    return { status: 204, body: undefined }
  }
  return null
}

/** The new commit's sha, or GitHub's refusal. */
function createCommit(world: World, git: GitData, body: Record<string, unknown>): string | Reply {
  const parents = Array.isArray(body.parents) ? (body.parents as string[]) : []
  const tree = String(body.tree ?? '')
  if (!git.trees.has(tree) || parents.some((s) => !git.commits[s])) return error(422, 'Validation Failed')
  const date = world.now.toISOString()
  const commit = { message: String(body.message ?? ''), tree, parents, date }
  const sha = sha1(`commit ${JSON.stringify(commit)} ${Object.keys(git.commits).length}`)
  git.commits[sha] = commit
  return sha
}

/** Moves the reference; GitHub's refusal, or null when it moved. */
function updateRef(git: GitData, ref: string, sha: string, force: boolean): Reply | null {
  const at = git.refs[ref]
  if (!at) return error(422, 'Reference does not exist')
  if (!git.commits[sha]) return error(422, 'Object does not exist')
  if (!force && !descendsFrom(git, sha, at)) return error(422, 'Update is not a fast forward')
  git.refs[ref] = sha
  return null
}

function descendsFrom(git: GitData, sha: string, ancestor: string): boolean {
  const seen = new Set<string>()
  const queue = [sha]
  while (queue.length) {
    const next = queue.shift()!
    if (next === ancestor) return true
    if (seen.has(next)) continue
    seen.add(next)
    queue.push(...(git.commits[next]?.parents ?? []))
  }
  return false
}
