/**
 * The apply lock: at most one run adjusts and reinstates for a tracking issue at a time, whatever
 * started it (two workflows, a terminal, a manual run in another concurrency group). Two runs that
 * both read the store before either writes would both make every change, and the second's snapshot
 * would be taken after the first's changes.
 *
 * The lock is a git reference in the tracking repository, `refs/member-audit/locks/<hash of the
 * issue id>`, pointing at a commit whose message says when the lock expires. GitHub makes both
 * steps atomic (docs.github.com/en/rest/git/refs):
 * - taking it: "Create a reference" answers 422 "Reference already exists" when it exists — one of
 *   two runs creating it at once gets it, never both;
 * - taking over an expired lock, and renewing one's own: "Update a reference" without `force`
 *   accepts only a fast forward, so the new commit is made a child of the one read: if another run
 *   moved the reference meanwhile, the update is refused (422 "Update is not a fast forward").
 * A run that dies leaves its lock, which expires `LOCK_TTL_MS` after it was last renewed; the run
 * renews it before each change, so a slow run (rate-limit waits) keeps it and a run that finds its
 * lock taken over stops before changing anything. Releasing deletes the reference if it is still
 * this run's. The namespace is neither a branch nor a tag: creating it starts no workflow (`push`
 * and `create` events are for branches and tags) and no branch protection rule applies to it.
 * "You are unable to create new references for empty repositories": the tracking repository needs
 * a commit. Writing references takes Contents: write (requirements.ts, `applyLock`).
 */
import { createHash } from 'node:crypto'
import { InputError } from '../errors.js'
import type { GitHubClient } from '../github/client.js'
import { describe, isHttpError } from '../github/failures.js'
import type { Logger } from '../logger.js'
import { REQUIREMENTS } from '../preflight/requirements.js'
import type { TrackingRepo } from '../tracking-issue/find.js'

const LOCK_TTL_MS = 30 * 60_000

export interface LockDeps {
  client: GitHubClient
  where: TrackingRepo
  /** The tracking issue's id: one lock per issue. */
  id: string
  now: () => Date
  log: Logger
  /** How long to wait for another run's lock before giving up, and how often to look again. */
  waitMs: number
  pollMs: number
}

export interface HeldLock {
  /** Renews the lock before a change; throws LockLost when another run holds it now. */
  renew(): Promise<void>
  /** Deletes the lock if it is still this run's; a failure is only a warning (it expires). */
  release(): Promise<void>
}

class LockLost extends Error {}

const MESSAGE_HEAD = 'member-audit apply lock'

function lockRef(id: string): string {
  return `refs/member-audit/locks/${createHash('sha256').update(id).digest('hex').slice(0, 24)}`
}

/** Takes the lock, waiting up to `waitMs` for another run's; `busy` (why) when it stays held. */
export async function takeLock(deps: LockDeps): Promise<HeldLock | { busy: string }> {
  const git = new LockGit(deps)
  let waited = 0
  let mine: string | undefined
  for (;;) {
    // Made once: after a wait its expiry is early by the wait at most, and renew() before each change moves it on.
    mine ??= await git.commit([])
    if (await git.create(mine)) return git.held(mine)
    const holder = await git.holder()
    if (holder && Date.parse(holder.expires) <= deps.now().getTime()) {
      const next = await git.commit([holder.sha])
      if (await git.fastForward(next)) {
        deps.log.warning(`An earlier apply run's lock had expired (${holder.expires}): taken over.`)
        return git.held(next)
      }
      continue
    }
    if (holder && waited >= deps.waitMs)
      return {
        busy: `Another apply run holds the lock for this tracking issue (taken ${holder.taken}, expires ${holder.expires}): nothing was adjusted or reinstated in this run. What is approved stays approved; the next run carries it out.`
      }
    if (holder) {
      await new Promise((resolve) => setTimeout(resolve, deps.pollMs))
      waited += deps.pollMs
    }
  }
}

/** The git data calls of the lock, each refusal for want of permission turned into one clear error. */
class LockGit {
  private tree: string | null = null
  readonly ref: string

  constructor(private readonly deps: LockDeps) {
    this.ref = lockRef(deps.id)
  }

  async commit(parents: string[]): Promise<string> {
    const { client, where } = this.deps
    const now = this.deps.now()
    const message = `${MESSAGE_HEAD}\n\nissue: ${this.deps.id}\ntaken: ${now.toISOString()}\nexpires: ${new Date(now.getTime() + LOCK_TTL_MS).toISOString()}\n`
    return this.denied(async () => {
      this.tree ??= (
        await client.request('POST /repos/{owner}/{repo}/git/trees', {
          ...where,
          tree: [{ path: 'member-audit-lock', mode: '100644', type: 'blob', content: `${MESSAGE_HEAD}\n` }]
        })
      ).data.sha
      const { data } = await client.request('POST /repos/{owner}/{repo}/git/commits', {
        ...where,
        message,
        tree: this.tree,
        parents
      })
      return data.sha
    })
  }

  /** true: created; false: it exists. */
  async create(sha: string): Promise<boolean> {
    return this.denied(async () => {
      try {
        await this.deps.client.request('POST /repos/{owner}/{repo}/git/refs', {
          ...this.deps.where,
          ref: this.ref,
          sha
        })
        return true
      } catch (error) {
        if (isHttpError(error) && error.status === 422 && /already exists/i.test(error.message)) return false
        throw error
      }
    })
  }

  /** Who holds it now (null: nobody, it was released meanwhile). */
  async holder(): Promise<{ sha: string; taken: string; expires: string } | null> {
    const { client, where } = this.deps
    try {
      const { data } = await client.request('GET /repos/{owner}/{repo}/git/ref/{ref}', {
        ...where,
        ref: this.ref.slice('refs/'.length)
      })
      const sha = data.object.sha
      const commit = await client.request('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', {
        ...where,
        commit_sha: sha
      })
      const field = (name: string): string =>
        new RegExp(`^${name}: (\\S+)$`, 'm').exec(commit.data.message)?.[1] ?? new Date(0).toISOString()
      // A lock whose message cannot be read counts as expired: it can only have been written by hand.
      return { sha, taken: field('taken'), expires: field('expires') }
    } catch (error) {
      if (isHttpError(error) && error.status === 404) return null
      throw error
    }
  }

  /** Moves the lock to `sha`, a child of the commit it points at; false when another run moved it first. */
  async fastForward(sha: string): Promise<boolean> {
    return this.denied(async () => {
      try {
        await this.deps.client.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
          ...this.deps.where,
          ref: this.ref.slice('refs/'.length),
          sha,
          force: false
        })
        return true
      } catch (error) {
        if (isHttpError(error) && error.status === 422) return false
        throw error
      }
    })
  }

  held(first: string): HeldLock {
    let mine = first
    return {
      renew: async () => {
        const next = await this.commit([mine])
        if (!(await this.fastForward(next)))
          throw new LockLost(
            'Another run took over the apply lock (this run held it past its expiry): stopped before the next change. The next run finishes what is left.'
          )
        mine = next
      },
      release: async () => {
        try {
          if ((await this.holder())?.sha !== mine) return
          await this.deps.client.request('DELETE /repos/{owner}/{repo}/git/refs/{ref}', {
            ...this.deps.where,
            ref: this.ref.slice('refs/'.length)
          })
        } catch (error) {
          this.deps.log.warning(`The apply lock could not be released (${describe(error)}); it expires by itself.`)
        }
      }
    }
  }

  private async denied<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call()
    } catch (error) {
      if (!isHttpError(error) || ![403, 404, 409, 422].includes(error.status)) throw error
      const { where } = this.deps
      throw new InputError(
        `mode is apply, but the issue token could not take the apply lock in ${where.owner}/${where.repo} (the git reference ${this.ref}; ${describe(error)}): nothing was adjusted or reinstated. The lock keeps two runs from adjusting at once. The token needs ${REQUIREMENTS.applyLock.needs['fine-grained']} (fine-grained), ${REQUIREMENTS.applyLock.needs.installation} (GitHub App or the workflow's GITHUB_TOKEN), or ${REQUIREMENTS.applyLock.needs.classic} (classic); and the repository needs at least one commit.`
      )
    }
  }
}
