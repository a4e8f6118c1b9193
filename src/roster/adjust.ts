/**
 * The roster's `adjust:` keys (docs/contract.md, "Contract v1.1"): who may approve a privilege
 * change and what the change is. Without `adjust:` nothing is ever adjusted, whatever the mode.
 * An organization's long form may override what is changed there (not who approves).
 */
import type { Shape } from './shape.js'

type OwnersRule = 'demote' | 'keep'
type TeamsRule = 'remove' | 'keep'
type MembershipRule = 'keep' | 'outside-collaborator' | 'remove'

/** What is changed in one organization. */
export interface OrgAdjustment {
  owners: OwnersRule
  teams: TeamsRule
  membership: MembershipRule
  /** `org/team-slug` the person is added to after the change, or undefined. */
  alumniTeam?: { org: string; slug: string }
}

export interface AdjustRule extends OrgAdjustment {
  /** Logins and `org/team` slugs whose comments approve; written case kept. */
  approvers: string[]
  maxPerRun: number
  /** Overrides by lower-case organization login. */
  orgs: Record<string, OrgAdjustment>
}

const ADJUST_DEFAULTS = { owners: 'demote', teams: 'remove', membership: 'keep', maxPerRun: 10 } as const

const TEAM_PATTERN = '^[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]+$'
const APPROVER_PATTERN = '^[A-Za-z0-9][A-Za-z0-9-]{0,38}(/[A-Za-z0-9._-]+)?$'

const whatChanges = (withDefaults: boolean): Record<string, Shape> => {
  const dflt = <T>(value: T): { default?: T } => (withDefaults ? { default: value } : {})
  return {
    owners: {
      kind: 'enum',
      values: ['demote', 'keep'],
      ...dflt(ADJUST_DEFAULTS.owners),
      description: 'demote: an owner becomes a member; keep: owners keep their role.'
    },
    teams: {
      kind: 'enum',
      values: ['remove', 'keep'],
      ...dflt(ADJUST_DEFAULTS.teams),
      description: 'remove: the person leaves every team of the organization; keep: teams stay.'
    },
    membership: {
      kind: 'enum',
      values: ['keep', 'outside-collaborator', 'remove'],
      ...dflt(ADJUST_DEFAULTS.membership),
      description:
        'keep: stays a member; outside-collaborator: converted (keeps only direct repository access); remove: leaves the organization.'
    },
    'alumni-team': {
      kind: 'string',
      pattern: TEAM_PATTERN,
      patternHint: 'org/team-slug',
      description: 'A team (org/team-slug) the person is added to once adjusted, e.g. emeritus. Optional.'
    }
  }
}

export const ADJUST_SHAPE: Shape = {
  kind: 'object',
  description: 'Privilege adjustments after contact and approval (mode: apply). Without it nothing is ever adjusted.',
  required: ['approvers'],
  properties: {
    approvers: {
      kind: 'array',
      minItems: 1,
      items: {
        kind: 'string',
        pattern: APPROVER_PATTERN,
        patternHint: 'a login, or org/team-slug',
        description: 'A login, or a team as org/team-slug.'
      },
      description: 'Who may approve (logins or org/team-slug): only their comments on the tracking issue count.'
    },
    ...whatChanges(true),
    'max-per-run': {
      kind: 'integer',
      minimum: 1,
      maximum: 100,
      default: ADJUST_DEFAULTS.maxPerRun,
      description: 'At most this many people are adjusted in one run; the rest wait for the next.'
    }
  }
}

/** An organization's own `adjust:` (long form): what changes there; approvers stay global. */
export const ORG_ADJUST_SHAPE: Shape = {
  kind: 'object',
  description: 'What is changed in this organization, overriding the top-level adjust: (which says who approves).',
  properties: whatChanges(false)
}

type Plain = Record<string, unknown>

function team(value: unknown): OrgAdjustment['alumniTeam'] {
  if (typeof value !== 'string') return undefined
  const [org = '', slug = ''] = value.split('/')
  return { org, slug }
}

function orgAdjustment(raw: Plain, base: OrgAdjustment): OrgAdjustment {
  const alumniTeam = team(raw['alumni-team']) ?? base.alumniTeam
  return {
    owners: (raw.owners as OwnersRule | undefined) ?? base.owners,
    teams: (raw.teams as TeamsRule | undefined) ?? base.teams,
    membership: (raw.membership as MembershipRule | undefined) ?? base.membership,
    ...(alumniTeam ? { alumniTeam } : {})
  }
}

/** The validated `adjust:` with its defaults, and each organization's overrides; undefined without one. */
export function adjustRule(raw: Plain | undefined, orgs: (string | Plain)[]): AdjustRule | undefined {
  if (!raw) return undefined
  const base = orgAdjustment(raw, { ...ADJUST_DEFAULTS })
  const overrides: Record<string, OrgAdjustment> = {}
  for (const entry of orgs) {
    if (typeof entry === 'string' || !entry.adjust) continue
    overrides[(entry.name as string).toLowerCase()] = orgAdjustment(entry.adjust as Plain, base)
  }
  return {
    ...base,
    approvers: raw.approvers as string[],
    maxPerRun: (raw['max-per-run'] as number | undefined) ?? ADJUST_DEFAULTS.maxPerRun,
    orgs: overrides
  }
}

/** What is changed in `org`. */
export function adjustmentIn(rule: AdjustRule, org: string): OrgAdjustment {
  return rule.orgs[org.toLowerCase()] ?? rule
}
