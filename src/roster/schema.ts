/**
 * The roster's shape (docs/contract.md, "Roster"): the one source of truth for validation, for
 * `roster.schema.json` and for the README's roster reference.
 */
import { ADJUST_SHAPE, ORG_ADJUST_SHAPE } from './adjust.js'
import { type Shape, toJsonSchema } from './shape.js'

/**
 * GitHub logins: letters, digits and hyphens, at most 39 characters, not starting with a hyphen.
 * Deliberately a little looser than the sign-up rule (no double or trailing hyphen): some old
 * accounts predate it, and rejecting a real login would drop an exemption.
 */
export const LOGIN_PATTERN = '^[A-Za-z0-9][A-Za-z0-9-]{0,38}(\\[bot\\])?$'
const LOGIN_HINT = 'a GitHub login (letters, digits and hyphens, at most 39 characters)'

/**
 * contributionsCollection spans at most one year ("The total time spanned by 'from' and 'to' must
 * not exceed 1 year", docs.github.com/en/graphql/reference/objects#contributionscollection), so a
 * window is at most 365 days.
 */
const MAX_WINDOW_DAYS = 365

export const DEFAULTS = {
  inactiveAfterDays: 365,
  warnBeforeDays: 30,
  newMemberDays: 90,
  activityScope: 'anywhere',
  countPrivateActivity: false,
  maxUnknownPercent: 10,
  trackingIssueTitle: 'Inactive organization members',
  trackingIssueLabels: ['member-audit'],
  /** The quick start writes the issue with the workflow's GITHUB_TOKEN, whose account this is. */
  trackingIssueWriters: ['github-actions[bot]'],
  mention: false,
  graceDays: 30,
  outsideCollaborators: false,
  pendingInvitations: true,
  invitationMaxAgeDays: 30,
  twoFactorDisabled: true,
  bots: false
} as const

const login = (description: string): Shape => ({
  kind: 'string',
  pattern: LOGIN_PATTERN,
  patternHint: LOGIN_HINT,
  description
})

/** A number of days up to the longest window; thresholds start at 1, warning bands at 0 (off). */
const days =
  (minimum: number) =>
  (description: string, dflt?: number): Shape => ({
    kind: 'integer',
    minimum,
    maximum: MAX_WINDOW_DAYS,
    description,
    ...(dflt === undefined ? {} : { default: dflt })
  })
const windowDays = days(1)
const warnDays = days(0)
const newDays = days(0)

const orgEntry: Shape = {
  kind: 'either',
  description: 'An organization: its login, or a mapping with its login and its own settings.',
  short: login('Organization login.'),
  long: {
    kind: 'object',
    description: 'An organization with settings of its own.',
    required: ['name'],
    properties: {
      name: login('Organization login.'),
      'inactive-after-days': windowDays(
        "Days without public activity after which this organization's members are inactive."
      ),
      'warn-before-days': warnDays(
        'Days before the threshold from which members of this organization are "approaching".'
      ),
      'new-member-days': newDays(
        'Days after the action first saw someone as a member of this organization during which, with no activity found, they are new and not contacted.'
      ),
      adjust: ORG_ADJUST_SHAPE
    }
  }
}

const exemption: Shape = {
  kind: 'object',
  description: 'A person marked active by hand.',
  required: ['login', 'reason'],
  properties: {
    login: login('Login of the exempted person (case-insensitive).'),
    reason: {
      kind: 'string',
      maxLength: 500,
      patternHint: 'a non-empty reason',
      pattern: '\\S',
      description: 'Why this person counts as active. Required.'
    },
    'approved-by': login('Who approved the exemption.'),
    until: {
      kind: 'date',
      description:
        'Last day the exemption holds (YYYY-MM-DD); after it the exemption lapses and is reported as expired.'
    },
    orgs: {
      kind: 'array',
      items: login('Organization login.'),
      minItems: 1,
      description: 'Organizations the exemption covers; default all.'
    }
  }
}

const team: Shape = {
  kind: 'object',
  description: 'A team held to its own threshold and reported in its own section.',
  required: ['team'],
  properties: {
    team: {
      kind: 'string',
      pattern: '^[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]+$',
      patternHint: 'org/team-slug',
      description: 'The team, as org/team-slug.'
    },
    'inactive-after-days': windowDays("Days without public activity after which this team's members are inactive."),
    'warn-before-days': warnDays('Days before the threshold from which team members are "approaching".')
  }
}

export const ROSTER_SHAPE: Shape = {
  kind: 'object',
  description: 'member-audit roster: which organizations to audit, the thresholds, and who is exempt.',
  required: ['version', 'orgs'],
  properties: {
    version: { kind: 'const', value: 1, description: 'Roster format version. Must be 1.' },
    orgs: { kind: 'array', items: orgEntry, minItems: 1, description: 'Organizations to audit (one or more).' },
    'inactive-after-days': windowDays(
      'Days without public activity after which a member is inactive.',
      DEFAULTS.inactiveAfterDays
    ),
    'warn-before-days': warnDays(
      'Days before the threshold from which a member is "approaching"; 0 turns the band off.',
      DEFAULTS.warnBeforeDays
    ),
    'new-member-days': newDays(
      'Days after the action first saw someone as a member (its sealed run memory, which needs snapshot-key) during which, with no activity found, they are new and not contacted; 0 turns it off.',
      DEFAULTS.newMemberDays
    ),
    'activity-scope': {
      kind: 'enum',
      values: ['anywhere', 'orgs'],
      default: DEFAULTS.activityScope,
      description: "anywhere: any public activity on GitHub counts; orgs: only activity in the roster's organizations."
    },
    'count-private-activity': {
      kind: 'boolean',
      default: DEFAULTS.countPrivateActivity,
      description: 'Also count private activity the token can see. The policy counts public activity only.'
    },
    'max-unknown-percent': {
      kind: 'integer',
      minimum: 0,
      maximum: 100,
      default: DEFAULTS.maxUnknownPercent,
      description:
        "Above this share of unknown people the run is incomplete: it fails and the tracking issue's list is left as it was."
    },
    teams: { kind: 'array', items: team, description: 'Teams held to their own threshold.' },
    exemptions: { kind: 'array', items: exemption, description: 'People marked active by hand, each with a reason.' },
    'tracking-issue': {
      kind: 'object',
      description: 'The one issue that lists whom to contact.',
      properties: {
        repo: {
          kind: 'string',
          pattern: '^[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._-]+$',
          patternHint: 'owner/repository',
          description:
            'Repository of the tracking issue, as owner/name. Default: the workflow repository (GITHUB_REPOSITORY).'
        },
        id: {
          kind: 'string',
          pattern: '^[A-Za-z0-9._/-]+$',
          maxLength: 100,
          patternHint: 'letters, digits and . _ / - (at most 100)',
          description:
            "The issue's identity, kept in its hidden marker. Default: the roster's path relative to the repository root (so the issue is the same from Actions and from a terminal)."
        },
        title: {
          kind: 'string',
          maxLength: 256,
          pattern: '\\S',
          patternHint: 'a non-empty title of at most 256 characters',
          default: DEFAULTS.trackingIssueTitle,
          description: 'Title of the tracking issue.'
        },
        labels: {
          kind: 'array',
          items: {
            kind: 'string',
            maxLength: 50,
            pattern: '\\S',
            patternHint: 'a label name',
            description: 'Label name.'
          },
          default: [...DEFAULTS.trackingIssueLabels],
          description: 'Labels of the tracking issue.'
        },
        writers: {
          kind: 'array',
          items: login('An account (a bot as name[bot]).'),
          default: [...DEFAULTS.trackingIssueWriters],
          description:
            "Accounts whose issue and comments count as the action's own, besides the issue token's account; a run whose account is not listed leaves an issue they wrote unwritten. github-actions[bot] is shared by every workflow of the tracking repository."
        },
        mention: {
          kind: 'boolean',
          default: DEFAULTS.mention,
          description: '@-mention people in the issue (notifies them). Off by default.'
        },
        'grace-days': {
          kind: 'integer',
          minimum: 0,
          maximum: 3650,
          default: DEFAULTS.graceDays,
          description: 'Days after "contacted" before someone still inactive is due for a privilege change.'
        }
      }
    },
    include: {
      kind: 'object',
      description: 'Further access to report besides members.',
      properties: {
        'outside-collaborators': {
          kind: 'boolean',
          default: DEFAULTS.outsideCollaborators,
          description: 'Audit outside collaborators too.'
        },
        'pending-invitations': {
          kind: 'boolean',
          default: DEFAULTS.pendingInvitations,
          description: 'Report pending invitations older than invitation-max-age-days.'
        },
        'invitation-max-age-days': {
          kind: 'integer',
          minimum: 0,
          maximum: 3650,
          default: DEFAULTS.invitationMaxAgeDays,
          description: 'Age after which a pending invitation is reported.'
        },
        'two-factor-disabled': {
          kind: 'boolean',
          default: DEFAULTS.twoFactorDisabled,
          description: "Report members without two-factor authentication (needs an owner's token)."
        },
        bots: { kind: 'boolean', default: DEFAULTS.bots, description: 'Audit bot accounts too.' }
      }
    },
    adjust: ADJUST_SHAPE
  }
}

/** The JSON Schema file shipped as `roster.schema.json`. */
export function rosterJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/member-audit/member-audit/raw/main/roster.schema.json',
    title: 'member-audit roster',
    ...toJsonSchema(ROSTER_SHAPE)
  }
}
