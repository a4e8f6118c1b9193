/**
 * The fake GitHub's world: organizations, people and what each person did when. Each API the
 * fake serves is derived from this ground truth the way GitHub derives it (windows, caps,
 * created-vs-updated times, the default-branch rule), so tests compare verdicts with the truth.
 */

/** A repository's git data, as the git refs and commits endpoints serve it (git-refs.ts). */
export interface GitData {
  refs: Record<string, string>
  commits: Record<string, { message: string; tree: string; parents: string[]; date: string }>
  trees: Set<string>
  /** A repository without branches: GitHub creates no reference in it. */
  empty?: boolean
}

export type ActivityKind =
  | 'commit' // a commit; counts as a contribution only on the default branch of a non-fork repo
  | 'push' // a push to some branch (events only)
  | 'issue' // opened an issue
  | 'pull_request' // opened a pull request
  | 'review' // reviewed a pull request
  | 'issue_comment' // commented on an issue or pull request
  | 'label' // applied a label (events only; no per-user API after 30 days)
  | 'merge' // merged a pull request (events only)
  | 'close' // closed an issue (events only)
  | 'star' // starred a repository
  | 'repository' // created a repository
  | 'fork' // forked a repository (`repo` is the fork)
  | 'gist' // created a public gist
  | 'discussion' // opened a discussion
  | 'discussion_comment' // commented on a discussion (no public event)
  | 'commit_comment' // commented on a commit
  | 'unlabel' // removed a label (timelines and events only)
  | 'assign' // assigned someone to an issue or pull request (timelines and events only)
  | 'force_push' // force-pushed a pull request's head branch (its timeline and the repository activity)

export interface Activity {
  kind: ActivityKind
  at: Date
  /** `owner/name`. */
  repo: string
  private?: boolean
  /** For commits: false for a branch other than the default. */
  defaultBranch?: boolean
  /** For pushes to a branch other than the default: its name (default `feature`). */
  branch?: string
  /** The repository is a fork (contributions there do not count on the profile). */
  fork?: boolean
  /** For comments: when it was last edited (GraphQL's updatedAt). */
  editedAt?: Date
  /** For labels, closes and merges: the issue or pull request number it happened on (default: one of its own). */
  item?: number
  /** For labels, unlabels, assignments and closes: the item is a pull request, not an issue. */
  onPullRequest?: boolean
  /** Who opened the item (`item`) this act happened on; the first act that names one sets it. */
  itemAuthor?: string
  /** For acts on a pull request: its head branch lives in a fork (its force pushes happen there). */
  fromFork?: boolean
}

export interface WorldUser {
  login: string
  /** The account's id, which a rename keeps (accounts.ts); derived from the login when unset. */
  id?: number
  type?: 'User' | 'Bot'
  activities: Activity[]
  /** Deleted or renamed after the member lists were read: the user APIs answer 404 / NOT_FOUND. */
  gone?: boolean
}

interface WorldMember {
  login: string
  role: 'admin' | 'member'
  public: boolean
  /** false: two-factor authentication is off (seen only by owners' tokens). */
  twoFactor?: boolean
  /** Direct repository permissions (repository name → pull … admin), besides teams and the base role. */
  repos?: Record<string, string>
}

export interface WorldInvitation {
  login: string | null
  email: string | null
  role: 'direct_member' | 'admin' | 'billing_manager'
  createdAt: Date
  inviter: string
  failedAt?: Date
  failedReason?: string
  /** Teams the invitee joins on accepting (team memberships asked for before they were a member). */
  teams?: { slug: string; role: 'member' | 'maintainer' }[]
}

interface WorldTeam {
  slug: string
  members: { login: string; role: 'member' | 'maintainer' }[]
}

interface WorldCollaborator {
  login: string
  /** Repository name (without the org) → permission: pull, triage, push, maintain or admin. */
  repos: Record<string, string>
  twoFactor?: boolean
}

export interface WorldOrg {
  login: string
  members: WorldMember[]
  invitations?: WorldInvitation[]
  teams?: WorldTeam[]
  outsideCollaborators?: WorldCollaborator[]
}

export interface WorldRepo {
  fullName: string
  private: boolean
  /** false: issues are disabled (GitHub answers 410). */
  hasIssues?: boolean
  /**
   * Each person's role on the repository (read, triage, write, maintain, admin) as the
   * collaborators list shows it. When set, members it does not name hold the base permission, read;
   * when unset, members hold write (owners admin).
   */
  roles?: Record<string, string>
}

interface WorldComment {
  id: number
  body: string
  /** Who wrote it: a login, `…[bot]` for an app's account. */
  author: string
  /** When it was written and last edited (ISO); the fake's clock when not set. */
  createdAt?: string
  updatedAt?: string
}

export interface WorldIssue {
  repo: string
  number: number
  title: string
  body: string
  state: 'open' | 'closed'
  labels: string[]
  comments: WorldComment[]
  /** Who opened it (default: the test token's account, `auditor`). */
  author?: string
}

export interface WorldToken {
  /** Organizations whose members this token may list (Members: read); others answer 403. */
  orgs: string[] | 'all'
  /** Primary REST quota per hour (default 5,000, a personal token's). */
  limit?: number
  /** Sees private repositories' activity (a member's token with repo scope). */
  seesPrivate?: boolean
  /** May write issues (default true); false answers 403 to every write. */
  canWrite?: boolean
  /** Who the token acts as (issue and comment authors, GET /user); default `auditor`, or `member-audit[bot]` for an app. */
  login?: string
  /** Organizations this token's user owns: 2FA filters and invitations answer only to owners. */
  ownerOf?: string[] | 'all'
  /**
   * Organizations the token's user belongs to (default: every org in `orgs`). Listing the members
   * of any other org shows only its public members, as GitHub does for outsiders.
   */
  memberOf?: string[]
  /** A GitHub App installation token: `/user/…` endpoints answer 403. */
  app?: boolean
  /**
   * A classic personal access token with these scopes, sent back in `X-OAuth-Scopes` on every REST
   * answer (docs: scopes-for-oauth-apps). Without read:org (or write:org, admin:org) it sees public
   * members only; listing invitations takes admin:org. Without `scopes` a user token is fine-grained.
   */
  scopes?: string[]
  /** A token that is not classic but is sent an empty `X-OAuth-Scopes` header (as some are). */
  emptyScopesHeader?: boolean
  /** false: no Contents: write (git data writes answer 403), as a workflow token with `contents: read`. */
  contentsWrite?: boolean
}

export interface World {
  now: Date
  orgs: WorldOrg[]
  users: WorldUser[]
  repos: WorldRepo[]
  tokens: Record<string, WorldToken>
  /** Issues in the world's repositories (the tracking issue lives here). */
  issues: WorldIssue[]
  /**
   * The order of connections GitHub documents none for (`repositoryDiscussionComments`,
   * `commitComments`); default oldest first.
   */
  unorderedConnections?: 'oldest-first' | 'newest-first'
  /** Each repository's git data (refs, commits, trees), by lower-case full name (git-refs.ts). */
  git?: Record<string, GitData>
}

const DAY = 24 * 60 * 60 * 1000

export function daysAgo(now: Date, days: number, hours = 0): Date {
  return new Date(now.getTime() - days * DAY - hours * 60 * 60 * 1000)
}

export function findUser(world: World, login: string): WorldUser | undefined {
  const key = login.toLowerCase()
  return world.users.find((u) => u.login.toLowerCase() === key)
}

/** Every activity that happened in a repository, with who did it. */
export function activitiesIn(world: World, fullName: string): { login: string; activity: Activity }[] {
  const key = fullName.toLowerCase()
  return world.users.flatMap((u) =>
    u.activities.filter((a) => a.repo.toLowerCase() === key).map((activity) => ({ login: u.login, activity }))
  )
}

/** An organization's repositories: those declared, and every one someone acted in. */
export function orgRepositories(world: World, org: string): WorldRepo[] {
  const prefix = `${org.toLowerCase()}/`
  const repos = new Map<string, WorldRepo>()
  for (const r of world.repos) if (r.fullName.toLowerCase().startsWith(prefix)) repos.set(r.fullName.toLowerCase(), r)
  for (const u of world.users) {
    for (const a of u.activities) {
      const key = a.repo.toLowerCase()
      if (key.startsWith(prefix) && !repos.has(key)) repos.set(key, { fullName: a.repo, private: a.private ?? false })
    }
  }
  return [...repos.values()].sort((a, b) => a.fullName.localeCompare(b.fullName))
}

/** Whether a token holds Organization "Members: read" for `org` (read:org for a classic token). */
export function readsMembers(token: WorldToken, org: string): boolean {
  if (token.scopes) return token.scopes.some((s) => ['read:org', 'write:org', 'admin:org'].includes(s))
  return token.orgs === 'all' || token.orgs.some((o) => o.toLowerCase() === org.toLowerCase())
}

/** The account a token acts as: its login, and `Bot` for a GitHub App installation. */
export function tokenAccount(token: WorldToken): { login: string; type: 'User' | 'Bot' } {
  return token.app
    ? { login: token.login ?? 'member-audit[bot]', type: 'Bot' }
    : { login: token.login ?? 'auditor', type: 'User' }
}

export function findOrg(world: World, login: string): WorldOrg | undefined {
  const key = login.toLowerCase()
  return world.orgs.find((o) => o.login.toLowerCase() === key)
}

/** A small builder so tests read as the situation they set up. */
export class WorldBuilder {
  readonly world: World
  constructor(now = new Date()) {
    this.world = {
      now,
      orgs: [],
      users: [],
      repos: [],
      tokens: { 'test-token': { orgs: 'all', ownerOf: 'all' } },
      issues: []
    }
  }

  org(login: string): this {
    if (!findOrg(this.world, login)) this.world.orgs.push({ login, members: [] })
    return this
  }

  /** Adds a person to an org (creating both as needed), with activities `daysAgo` back. */
  member(
    org: string,
    login: string,
    options: { role?: 'admin' | 'member'; public?: boolean; type?: 'User' | 'Bot'; twoFactor?: boolean } = {}
  ): this {
    this.org(org)
    findOrg(this.world, org)!.members.push({
      login,
      role: options.role ?? 'member',
      public: options.public ?? true,
      ...(options.twoFactor === false ? { twoFactor: false } : {})
    })
    if (!findUser(this.world, login)) this.world.users.push({ login, type: options.type ?? 'User', activities: [] })
    return this
  }

  did(login: string, kind: ActivityKind, days: number, extra: Partial<Activity> = {}): this {
    const user = findUser(this.world, login)
    if (!user) throw new Error(`no user ${login}`)
    user.activities.push({
      kind,
      at: daysAgo(this.world.now, days),
      repo: extra.repo ?? `${this.world.orgs[0]?.login ?? 'elsewhere'}/project`,
      ...extra
    })
    return this
  }

  invite(
    org: string,
    invitation: Omit<WorldInvitation, 'createdAt' | 'failedAt'> & { daysAgo: number; failedDaysAgo?: number }
  ): this {
    this.org(org)
    const { daysAgo: age, failedDaysAgo, ...rest } = invitation
    const o = findOrg(this.world, org)!
    o.invitations = [
      ...(o.invitations ?? []),
      {
        ...rest,
        createdAt: daysAgo(this.world.now, age),
        ...(failedDaysAgo !== undefined ? { failedAt: daysAgo(this.world.now, failedDaysAgo) } : {})
      }
    ]
    return this
  }

  /** An outside collaborator of `org` with `permission` on each named repository. */
  collaborator(org: string, login: string, repos: Record<string, string>, options: { twoFactor?: boolean } = {}): this {
    this.org(org)
    const o = findOrg(this.world, org)!
    o.outsideCollaborators = [
      ...(o.outsideCollaborators ?? []),
      { login, repos, ...(options.twoFactor === false ? { twoFactor: false } : {}) }
    ]
    for (const name of Object.keys(repos))
      if (!this.world.repos.some((r) => r.fullName === `${org}/${name}`))
        this.world.repos.push({ fullName: `${org}/${name}`, private: false })
    if (!findUser(this.world, login)) this.world.users.push({ login, type: 'User', activities: [] })
    return this
  }

  team(org: string, slug: string, members: { login: string; role?: 'member' | 'maintainer' }[]): this {
    this.org(org)
    const o = findOrg(this.world, org)!
    o.teams = [
      ...(o.teams ?? []),
      { slug, members: members.map((m) => ({ login: m.login, role: m.role ?? 'member' })) }
    ]
    return this
  }

  token(value: string, token: WorldToken): this {
    this.world.tokens[value] = token
    return this
  }
}
