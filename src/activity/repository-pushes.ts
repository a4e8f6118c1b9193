/**
 * One repository's pushes, read at most once a run, from the repository activity API
 * (docs.github.com/en/rest/repos/repos#list-repository-activities: pushes, force pushes, branch
 * creation and deletion, merges and merge-queue merges, on every branch; `time_period=year`,
 * newest first, at most 100 a page; an `actor` filter). Cost grows with the people left, not with
 * the bots' traffic: after the first page, if more pages remain, the repository's roles say who
 * could push there at all (blast-radius.ts). Nobody left who could: stop. Fewer of them than the
 * pages still to read: ask by actor, one request each. Otherwise page on, until none of them is
 * left. When the roles cannot be read, page on.
 */
import type { GitHubClient } from '../github/client.js'
import { failureOf } from '../github/failures.js'
import type { OrgRepository } from '../github/org-repositories.js'
import { eachAtOnce } from '../github/parallel.js'
import { readRolesOf } from '../github/repository-roles.js'
import type { ReadOnce } from '../github/read-once.js'
import { type Radius, couldAct, radiusOf } from './blast-radius.js'
import type { Evidence } from './evidence.js'

const PAGE = 100

interface RepositoryActivity {
  timestamp: string
  activity_type: string
  actor: { login: string } | null
}

export interface PushReader {
  client: GitHubClient
  reads: ReadOnce
  since: Date
  serverUrl: string
  /** Lower-case logins still unsettled, now. */
  left(): string[]
  record(login: string, evidence: Evidence): void
  fail(what: string, failure: { message: string; passing: boolean }, radius: Radius): void
}

/** The acts read (latest per lower-case login), or null when the repository's pushes failed. */
export async function readPushesOf(reader: PushReader, repo: OrgRepository): Promise<Map<string, Evidence> | null> {
  const acts = new Map<string, Evidence>()
  const [owner = '', name = ''] = repo.full_name.split('/')
  const note = (act: RepositoryActivity): void => {
    const login = act.actor?.login
    if (!login) return
    const evidence: Evidence = {
      at: act.timestamp,
      kind: act.activity_type,
      url: `${reader.serverUrl}/${repo.full_name}/activity`,
      repo: repo.full_name,
      private: repo.private,
      source: 'repository-sweep'
    }
    const key = login.toLowerCase()
    if (!acts.has(key) || Date.parse(acts.get(key)!.at) < Date.parse(act.timestamp)) acts.set(key, evidence)
    reader.record(login, evidence)
  }
  const inWindow = (act: RepositoryActivity): boolean => Date.parse(act.timestamp) >= reader.since.getTime()
  try {
    let pushers: string[] | null = null
    const pages = reader.client.paginate.iterator('GET /repos/{owner}/{repo}/activity', {
      owner,
      repo: name,
      time_period: 'year',
      direction: 'desc',
      per_page: PAGE
    })
    for await (const page of pages) {
      const list = page.data as RepositoryActivity[]
      list.filter(inWindow).forEach(note)
      if (list.length < PAGE || !list.every(inWindow) || reader.left().length === 0) break
      if (pushers === null) {
        const roles = await readRolesOf(reader.reads, repo.full_name, reader.left())
        if (!roles) pushers = reader.left()
        else {
          pushers = reader.left().filter((login) => couldAct(roles, login, 'write'))
          if (pushers.length < pagesLeft(list, reader.since)) {
            // A by-actor read that failed leaves the repository unread for that person: not kept
            // as read, so that asking them again (the second round) reads it anew.
            return (await askByActor(reader, repo, pushers, note, inWindow)) ? acts : null
          }
        }
      }
      const left = new Set(reader.left())
      if (!pushers.some((login) => left.has(login))) break
    }
    return acts
  } catch (error) {
    const roles = await readRolesOf(reader.reads, repo.full_name, reader.left())
    reader.fail(repo.full_name, failureOf(error), radiusOf(roles, reader.left(), 'write'))
    return null
  }
}

/** Pages still to read back to the window's start, at the pace of the page just read. */
function pagesLeft(page: RepositoryActivity[], since: Date): number {
  const newest = Date.parse(page[0]!.timestamp)
  const oldest = Date.parse(page[page.length - 1]!.timestamp)
  return Math.ceil((oldest - since.getTime()) / Math.max(1, newest - oldest))
}

/** Each person's latest act in the repository, one request each (`actor`, newest first); false when one failed. */
async function askByActor(
  reader: PushReader,
  repo: OrgRepository,
  logins: string[],
  note: (act: RepositoryActivity) => void,
  inWindow: (act: RepositoryActivity) => boolean
): Promise<boolean> {
  const [owner = '', name = ''] = repo.full_name.split('/')
  let allRead = true
  await eachAtOnce(logins, async (login) => {
    try {
      const { data } = await reader.client.request('GET /repos/{owner}/{repo}/activity', {
        owner,
        repo: name,
        actor: login,
        time_period: 'year',
        direction: 'desc',
        per_page: 1
      })
      ;(data as RepositoryActivity[]).filter(inWindow).forEach(note)
    } catch (error) {
      allRead = false
      reader.fail(`${repo.full_name} (pushes by ${login})`, failureOf(error), new Set([login]))
    }
  })
  return allRead
}
