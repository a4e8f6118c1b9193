/**
 * Second source: a sweep of the roster organizations' repositories, read once for everyone still
 * left. It sees what no per-user API shows after 30 days: labels applied, issues closed, pull
 * requests merged (issue and pull-request timelines over GraphQL), and pushes to any branch
 * (the repository activity API, `time_period=year`, newest first:
 * docs.github.com/en/rest/repos/repos#list-repository-activities).
 * It stops as soon as nobody is left to look for.
 */
import type { GitHubClient } from '../github/client.js'
import { type OrgRepository, listOrgRepositories } from '../github/org-repositories.js'
import { type Failure, failureOf } from '../github/failures.js'
import { type BatchDocument, askBatch } from '../github/graphql-batch.js'
import { eachAtOnce } from '../github/parallel.js'
import type { ActivityQuestion, ActivitySource, SourceAnswer } from './cascade.js'
import { type Evidence, type EvidencePolicy, latest } from './evidence.js'
import {
  REPOS_PER_QUERY,
  type RepositorySweepData,
  type SweepCursor,
  readRepositorySweep,
  repositorySweepDocument
} from './repository-sweep-query.js'

export interface RepositorySweepOptions {
  client: GitHubClient
  orgs: string[]
  /** Start of the widest window. */
  since: Date
  /** Web address of GitHub, for links to a repository's activity page. */
  serverUrl: string
  onCost?: (points: number) => void
  /** Repositories read so far, of how many. */
  onProgress?: (done: number, total: number) => void
}

interface RepositoryActivity {
  timestamp: string
  activity_type: string
  ref?: string
  actor: { login: string } | null
}

export function repositorySweepSource(options: RepositorySweepOptions): ActivitySource {
  return {
    name: 'repository-sweep',
    async check(questions, policy) {
      const sweep = new Sweep(options, questions, policy)
      await sweep.run()
      return sweep.answers()
    }
  }
}

class Sweep {
  private readonly found = new Map<string, Evidence>()
  private readonly failures: string[] = []
  /** Some repository failed in a way that may pass (5xx, rate limit): worth asking again. */
  private passing = false
  private readonly overflowing: string[] = []
  private readonly wanted: Map<string, ActivityQuestion>

  constructor(
    private readonly options: RepositorySweepOptions,
    private readonly questions: ActivityQuestion[],
    private readonly policy: EvidencePolicy
  ) {
    this.wanted = new Map(questions.map((q) => [q.person.key, q]))
  }

  async run(): Promise<void> {
    const repositories = await this.listRepositories()
    await this.readTimelines(repositories)
    if (this.someoneLeft())
      await this.readPushes(
        repositories.filter((r) => r.pushed_at && Date.parse(r.pushed_at) >= this.options.since.getTime())
      )
  }

  answers(): Map<string, SourceAnswer> {
    const problems = [
      ...(this.failures.length
        ? [
            `could not read ${this.failures.length} repositories (${this.failures.slice(0, 3).join(', ')}${this.failures.length > 3 ? ', …' : ''})`
          ]
        : []),
      ...(this.overflowing.length
        ? [
            `${this.overflowing.length} busy issues or pull requests whose older events were not read (${this.overflowing[0]})`
          ]
        : [])
    ]
    return new Map(
      this.questions.map((q) => {
        const evidence = this.found.get(q.person.key)
        return [
          q.person.key,
          {
            evidence: evidence ? [evidence] : [],
            ...(problems.length ? { error: problems.join('; '), lasting: !this.passing } : {})
          }
        ]
      })
    )
  }

  /** True while some person has no evidence that settles their verdict. */
  private someoneLeft(): boolean {
    for (const [key, q] of this.wanted) {
      const at = this.found.get(key)?.at
      if (!at || Date.parse(at) < q.settledAt.getTime()) return true
    }
    return false
  }

  private record(login: string, evidence: Evidence): void {
    const key = login.toLowerCase()
    if (!this.wanted.has(key)) return
    if (evidence.private && !this.policy.countPrivateActivity) return
    this.found.set(key, latest(this.found.get(key) ?? null, evidence)!)
  }

  private async listRepositories(): Promise<OrgRepository[]> {
    const all: OrgRepository[] = []
    for (const org of this.options.orgs) {
      try {
        const repos = await listOrgRepositories(this.options.client, org)
        // Private repositories' activity does not count unless the roster says so: no need to read them.
        all.push(...repos.filter((r) => !r.private || this.policy.countPrivateActivity))
      } catch (error) {
        this.fail(`${org}/*`, failureOf(error))
      }
    }
    return all
  }

  private async readTimelines(repositories: OrgRepository[]): Promise<void> {
    let open: SweepCursor[] = repositories.map((r) => {
      const [owner = '', name = ''] = r.full_name.split('/')
      return { owner, name, issues: null, pullRequests: null }
    })
    while (open.length > 0 && this.someoneLeft()) {
      const batch = open.slice(0, REPOS_PER_QUERY)
      const rest = open.slice(REPOS_PER_QUERY)
      const next = await this.askTimelines(batch)
      open = [...next, ...rest]
      this.options.onProgress?.(repositories.length - open.length, repositories.length)
    }
  }

  /** One round for a batch; returns the cursors that still have pages. */
  private async askTimelines(batch: SweepCursor[]): Promise<SweepCursor[]> {
    const since = this.options.since.toISOString()
    const doc: BatchDocument<SweepCursor> = {
      alias: 'r',
      build: (cursors) => {
        const { query, variables } = repositorySweepDocument(cursors)
        return { query, variables: { ...variables, since } }
      }
    }
    const answers = await askBatch(
      this.options.client,
      doc,
      batch,
      this.options.onCost ? { onCost: this.options.onCost } : {}
    )
    const still: SweepCursor[] = []
    for (const [i, cursor] of batch.entries()) {
      const repo = answers[i]!.data as RepositorySweepData | null
      if (!repo) {
        this.fail(`${cursor.owner}/${cursor.name}`, answers[i]!.failure ?? { message: 'no data', passing: true })
        continue
      }
      const page = readRepositorySweep(repo, cursor, this.options.since)
      for (const [login, evidence] of page.acts) this.record(login, evidence)
      this.overflowing.push(...page.overflowing)
      if (page.next.issues !== 'done' || page.next.pullRequests !== 'done') still.push(page.next)
    }
    return still
  }

  private async readPushes(repositories: OrgRepository[]): Promise<void> {
    await eachAtOnce(
      repositories,
      (repo) => this.readPushesOf(repo),
      () => this.someoneLeft()
    )
  }

  private async readPushesOf(repo: OrgRepository): Promise<void> {
    const [owner = '', name = ''] = repo.full_name.split('/')
    try {
      const pages = this.options.client.paginate.iterator('GET /repos/{owner}/{repo}/activity', {
        owner,
        repo: name,
        time_period: 'year',
        direction: 'desc',
        per_page: 100
      })
      for await (const page of pages) {
        let older = false
        for (const act of page.data as RepositoryActivity[]) {
          if (Date.parse(act.timestamp) < this.options.since.getTime()) {
            older = true
            break
          }
          if (act.actor?.login) {
            this.record(act.actor.login, {
              at: act.timestamp,
              kind: act.activity_type,
              url: `${this.options.serverUrl}/${repo.full_name}/activity`,
              repo: repo.full_name,
              private: repo.private,
              source: 'repository-sweep'
            })
          }
        }
        if (older || !this.someoneLeft()) break
      }
    } catch (error) {
      this.fail(repo.full_name, failureOf(error))
    }
  }

  private fail(what: string, failure: Failure): void {
    this.failures.push(`${what} (${failure.message})`)
    if (failure.passing) this.passing = true
  }
}
