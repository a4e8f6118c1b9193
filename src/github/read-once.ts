/**
 * What one run reads once and several stages ask again: an organization's repositories (the sweep
 * and the outside-collaborator check), a repository's roles (busy timelines and pushes), a
 * repository itself (the preflight, the summary's visibility, the tracking issue, apply mode). It
 * is made in run.ts, one per token (two tokens may be shown different things), and handed down
 * with its client; nothing is kept behind a client where a stage cannot see it. It also holds the
 * private repositories among what was listed: the names a public text must not show.
 */
import type { GitHubClient } from './client.js'

export class ReadOnce {
  private readonly answers = new Map<string, Promise<unknown>>()
  private readonly privateSeen = new Set<string>()

  constructor(readonly client: GitHubClient) {}

  /**
   * The answer for `key`, read by `make` the first time it is asked. A failed read is forgotten
   * when `forgetFailure` is set, so that asking again (the cascade's second round) reads anew.
   */
  read<T>(key: string, make: () => Promise<T>, options: { forgetFailure?: boolean } = {}): Promise<T> {
    const known = this.answers.get(key)
    if (known) return known as Promise<T>
    const answer = make()
    answer.catch(() => {
      if (options.forgetFailure) this.answers.delete(key)
    })
    this.answers.set(key, answer)
    return answer
  }

  /** The answer for `key` if it has been asked (and not forgotten). */
  known<T>(key: string): Promise<T> | undefined {
    return this.answers.get(key) as Promise<T> | undefined
  }

  /** Notes repositories seen to be private. */
  sawPrivate(fullNames: string[]): void {
    for (const name of fullNames) this.privateSeen.add(name)
  }

  /** Private repositories among what this run has listed. */
  privateRepositories(): string[] {
    return [...this.privateSeen]
  }
}
