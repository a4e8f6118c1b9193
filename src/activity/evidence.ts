/** Evidence: one dated public act that shows a person was active, and where it was found. */

export interface Evidence {
  /** ISO time of the act. */
  at: string
  /** What the person did, e.g. `issue_comment`, `pull_request`, `push`, `star`. */
  kind: string
  url: string | null
  /** `owner/name` of the repository it happened in, when there is one. */
  repo: string | null
  /** Whether it happened in a private repository (or is a contribution the token cannot see). */
  private: boolean
  /** Which source found it: `contributions`, `issue-comments`, `stars`, `events`. */
  source: string
}

/** Which evidence the roster lets count (`count-private-activity`, `activity-scope`). */
export interface EvidencePolicy {
  countPrivateActivity: boolean
  /** Lower-case org logins when `activity-scope: orgs`; null for anywhere. */
  scopeOrgs: Set<string> | null
}

export function admits(evidence: Evidence, policy: EvidencePolicy): boolean {
  if (evidence.private && !policy.countPrivateActivity) return false
  if (policy.scopeOrgs) {
    const owner = evidence.repo?.split('/')[0]?.toLowerCase()
    if (!owner || !policy.scopeOrgs.has(owner)) return false
  }
  return true
}

/** The later of two pieces of evidence (either may be missing). */
export function latest(a: Evidence | null, b: Evidence | null): Evidence | null {
  if (!a) return b
  if (!b) return a
  return Date.parse(b.at) > Date.parse(a.at) ? b : a
}
