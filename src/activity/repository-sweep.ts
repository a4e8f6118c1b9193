/**
 * Second source: a sweep of the roster organizations' repositories, read once for everyone still
 * left. It sees what no per-user API shows after 30 days: labels applied, issues closed, pull
 * requests merged (issue and pull-request timelines over GraphQL), and pushes to any branch
 * (repository-pushes.ts). Busy timelines are paged back to the window's start (busy-timelines.ts).
 * It stops as soon as nobody is left to look for, and a failure makes unknown only the people who
 * could have acted where it happened (blast-radius.ts).
 */
import type { ReadOnce } from '../github/read-once.js'
import { type OrgRepository, listOrgRepositories } from '../github/org-repositories.js'
import { type Failure, failureOf } from '../github/failures.js'
import { type BatchDocument, type PartialAnswer, askBatch } from '../github/graphql-batch.js'
import { eachAtOnce } from '../github/parallel.js'
import { type Radius, within } from './blast-radius.js'
import { type BusyReader, radiusFor, readBusyTimelines } from './busy-timelines.js'
import type { ActivityQuestion, ActivitySource, SourceAnswer } from './cascade.js'
import { type Evidence, type EvidencePolicy, latest } from './evidence.js'
import { type PushReader, readPushesOf } from './repository-pushes.js'
import {
  type BusyItem,
  REPOS_PER_QUERY,
  type RepositorySweepData,
  type SweepCursor,
  itemFacts,
  itemOf,
  readRepositorySweep,
  repositorySweepDocument
} from './repository-sweep-query.js'

export interface RepositorySweepOptions {
  /** The run's reads with its client (github/read-once.ts): listings and roles are shared with other stages. */
  reads: ReadOnce
  orgs: string[]
  /** Start of the widest window. */
  since: Date
  /** Web address of GitHub, for links to a repository's activity page. */
  serverUrl: string
  onCost?: (points: number) => void
  /** Repositories read so far, of how many. */
  onProgress?: (done: number, total: number) => void
  /** Told the repositories once listed, before any is read (the estimate sees their traffic). */
  onRepositories?: (repositories: OrgRepository[]) => void
}

export function repositorySweepSource(options: RepositorySweepOptions): ActivitySource {
  // A repository's pushes are read once a run: a second round reuses what the first one read.
  const pushesRead = new Map<string, Map<string, Evidence>>()
  return {
    name: 'repository-sweep',
    async check(questions, policy) {
      const sweep = new Sweep(options, questions, policy, pushesRead)
      await sweep.run()
      return sweep.answers()
    }
  }
}

interface ScopedFailure {
  what: string
  failure: Failure
  radius: Radius
}

class Sweep {
  private readonly found = new Map<string, Evidence>()
  private readonly failures: ScopedFailure[] = []
  private readonly wanted: Map<string, ActivityQuestion>
  private readonly reader: PushReader & BusyReader

  constructor(
    private readonly options: RepositorySweepOptions,
    private readonly questions: ActivityQuestion[],
    private readonly policy: EvidencePolicy,
    private readonly pushesRead: Map<string, Map<string, Evidence>>
  ) {
    this.wanted = new Map(questions.map((q) => [q.person.key, q]))
    this.reader = {
      client: options.reads.client,
      reads: options.reads,
      since: options.since,
      serverUrl: options.serverUrl,
      ...(options.onCost ? { onCost: options.onCost } : {}),
      left: () => this.left(),
      record: (login, evidence) => this.record(login, evidence),
      fail: (what, failure, radius) => this.fail(what, failure, radius)
    }
  }

  async run(): Promise<void> {
    const repositories = await this.listRepositories()
    this.options.onRepositories?.(repositories)
    const busy = await this.readTimelines(repositories)
    await readBusyTimelines(this.reader, busy)
    if (this.left().length > 0)
      await this.readPushes(
        repositories.filter((r) => r.pushed_at && Date.parse(r.pushed_at) >= this.options.since.getTime())
      )
  }

  /** Each person's evidence, and the failures whose radius holds them (blast-radius.ts). */
  answers(): Map<string, SourceAnswer> {
    return new Map(
      this.questions.map((q) => {
        const evidence = this.found.get(q.person.key)
        const mine = this.failures.filter((f) => within(f.radius, q.person.key))
        const named = mine.slice(0, 3).map((f) => `${f.what} (${f.failure.message})`)
        const error = mine.length
          ? `could not read ${mine.length} ${mine.length === 1 ? 'part' : 'parts'} of the repositories where they could have acted: ${named.join(', ')}${mine.length > 3 ? ', …' : ''}`
          : null
        return [
          q.person.key,
          {
            evidence: evidence ? [evidence] : [],
            ...(error ? { failure: { message: error, passing: mine.some((f) => f.failure.passing) } } : {})
          }
        ]
      })
    )
  }

  /** Lower-case logins of the people with no evidence yet that settles their verdict. */
  private left(): string[] {
    const left: string[] = []
    for (const [key, q] of this.wanted) {
      const at = this.found.get(key)?.at
      if (!at || Date.parse(at) < q.settledAt.getTime()) left.push(key)
    }
    return left
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
        const repos = await listOrgRepositories(this.options.reads, org)
        // Private repositories' activity does not count unless the roster says so: no need to read them.
        all.push(...repos.filter((r) => !r.private || this.policy.countPrivateActivity))
      } catch (error) {
        this.fail(`${org}/*`, failureOf(error), 'everyone')
      }
    }
    return all
  }

  /** Every repository's items updated in the window, first page of each timeline; returns the busy ones. */
  private async readTimelines(repositories: OrgRepository[]): Promise<BusyItem[]> {
    const busy: BusyItem[] = []
    let open: SweepCursor[] = repositories.map((r) => {
      const [owner = '', name = ''] = r.full_name.split('/')
      return { owner, name, issues: null, pullRequests: null }
    })
    while (open.length > 0 && this.left().length > 0) {
      const batch = open.slice(0, REPOS_PER_QUERY)
      const rest = open.slice(REPOS_PER_QUERY)
      const next = await this.askTimelines(batch, busy)
      open = [...next, ...rest]
      this.options.onProgress?.(repositories.length - open.length, repositories.length)
    }
    return busy
  }

  /** One round for a batch; returns the cursors that still have pages. */
  private async askTimelines(batch: SweepCursor[], busy: BusyItem[]): Promise<SweepCursor[]> {
    const since = this.options.since.toISOString()
    const doc: BatchDocument<SweepCursor> = {
      alias: 'r',
      build: (cursors) => {
        const { query, variables } = repositorySweepDocument(cursors)
        return { query, variables: { ...variables, since } }
      }
    }
    const answers = await askBatch(
      this.options.reads.client,
      doc,
      batch,
      this.options.onCost ? { onCost: this.options.onCost } : {}
    )
    const still: SweepCursor[] = []
    for (const [i, cursor] of batch.entries()) {
      const answer = answers[i]!
      const repo = (answer.complete ? answer.data : answer.partial) as RepositorySweepData | null
      if (!answer.complete) await this.failHoles(`${cursor.owner}/${cursor.name}`, repo, answer)
      if (!repo) continue
      const page = readRepositorySweep(repo, cursor, this.options.since)
      // A list GitHub left out is not asked again in this round: its failure stands for it.
      for (const list of ['issues', 'pullRequests'] as const)
        if (cursor[list] !== 'done' && !repo[list]) page.next[list] = 'done'

      for (const [login, evidence] of page.acts) this.record(login, evidence)
      busy.push(...page.busy)
      if (page.next.issues !== 'done' || page.next.pullRequests !== 'done') still.push(page.next)
    }
    return still
  }

  /**
   * Whom the parts missing from a repository's answer concern. A hole inside a listed item's
   * timeline concerns those who could act on that item (its author, triage or more there: see
   * blast-radius.ts); any other hole (an item left out, a list, the repository) concerns everyone,
   * since anyone may open an issue in a public repository and act on it.
   */
  private async failHoles(where: string, repo: RepositorySweepData | null, answer: PartialAnswer): Promise<void> {
    const items = answer.holes.map((hole) => itemOf(repo, hole))
    if (!repo || items.length === 0 || items.some((item) => item === null)) {
      this.fail(where, answer.failure, 'everyone')
      return
    }
    for (const item of new Set(items))
      this.fail(item!.url, answer.failure, await radiusFor(this.reader, itemFacts(item!, repo)))
  }

  private async readPushes(repositories: OrgRepository[]): Promise<void> {
    await eachAtOnce(
      repositories,
      async (repo) => {
        const known = this.pushesRead.get(repo.full_name)
        if (known) {
          for (const [login, evidence] of known) this.record(login, evidence)
          return
        }
        const acts = await readPushesOf(this.reader, repo)
        if (acts) this.pushesRead.set(repo.full_name, acts)
      },
      () => this.left().length > 0
    )
  }

  private fail(what: string, failure: Failure, radius: Radius): void {
    this.failures.push({ what, failure, radius })
  }
}
