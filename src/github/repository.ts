import type { GitHubClient } from './client.js'

/** One answer per client and repository per run: the summary and the tracking issue both ask. */
const visibility = new WeakMap<GitHubClient, Map<string, Promise<boolean>>>()

/**
 * Whether a repository is public. Anything the token cannot tell is treated as public: a wrong
 * "private" would name concealed members where anyone can read them.
 */
export function isPublicRepository(client: GitHubClient, fullName: string): Promise<boolean> {
  const known = visibility.get(client) ?? new Map<string, Promise<boolean>>()
  visibility.set(client, known)
  const key = fullName.toLowerCase()
  if (!known.has(key)) known.set(key, readVisibility(client, fullName))
  return known.get(key)!
}

async function readVisibility(client: GitHubClient, fullName: string): Promise<boolean> {
  const [owner, repo] = fullName.split('/')
  if (!owner || !repo) return true
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}', { owner, repo })
    return data.private !== true
  } catch {
    return true
  }
}
