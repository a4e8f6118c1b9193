/**
 * The Git database objects the fake serves, with every field GitHub's OpenAPI description requires
 * of them (components/schemas `git-tree`, `git-commit`, `git-ref` in @octokit/openapi), as the
 * examples on docs.github.com/en/rest/git show them: links to the API and the web, the lock's
 * commits unsigned (`verification.reason: "unsigned"`, docs.github.com/en/rest/git/commits).
 */
import { createHash } from 'node:crypto'
import { apiUrl, nodeId, repositoryPath } from './rest-shapes.js'
import type { GitData } from './world.js'

const gitApi = (repo: string, serverUrl: string): string => `${apiUrl(serverUrl)}/repos/${repositoryPath(repo)}/git`

/** Git's own object id of a blob: sha1 over `blob <size>\0<content>`. */
function blobSha(content: string): string {
  return createHash('sha1')
    .update(`blob ${Buffer.byteLength(content)}\0`)
    .update(content)
    .digest('hex')
}

/** `git-tree`, as "Create a tree" answers: each entry with its object's sha, never truncated. */
export function gitTree(repo: string, sha: string, entries: Record<string, unknown>[], serverUrl: string) {
  const api = gitApi(repo, serverUrl)
  return {
    sha,
    url: `${api}/trees/${sha}`,
    truncated: false,
    tree: entries.map((e) => {
      const content = typeof e.content === 'string' ? e.content : undefined
      const object = content === undefined ? String(e.sha ?? '') : blobSha(content)
      const kind = String(e.type ?? 'blob')
      return {
        path: String(e.path ?? ''),
        mode: String(e.mode ?? '100644'),
        type: kind,
        sha: object,
        ...(kind === 'blob' && content !== undefined ? { size: Buffer.byteLength(content) } : {}),
        url: `${api}/${kind === 'tree' ? 'trees' : 'blobs'}/${object}`
      }
    })
  }
}

/** `git-commit`. */
export function gitCommit(repo: string, sha: string, c: GitData['commits'][string], serverUrl: string) {
  const api = gitApi(repo, serverUrl)
  const web = `${serverUrl}/${repositoryPath(repo)}/commit`
  const person = { name: 'member-audit', email: 'member-audit@users.noreply.github.com', date: c.date }
  return {
    sha,
    node_id: nodeId('C', `${repo}@${sha}`),
    url: `${api}/commits/${sha}`,
    html_url: `${web}/${sha}`,
    author: person,
    committer: person,
    message: c.message,
    tree: { sha: c.tree, url: `${api}/trees/${c.tree}` },
    parents: c.parents.map((s) => ({ sha: s, url: `${api}/commits/${s}`, html_url: `${web}/${s}` })),
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null }
  }
}

/** `git-ref`: `ref` is the full name (`refs/member-audit/locks/…`). */
export function gitRef(repo: string, ref: string, sha: string, serverUrl: string) {
  const api = gitApi(repo, serverUrl)
  return {
    ref,
    node_id: nodeId('REF', `${repo}:${ref}`),
    url: `${api}/${ref.split('/').map(encodeURIComponent).join('/')}`,
    object: { sha, type: 'commit', url: `${api}/commits/${sha}` }
  }
}
