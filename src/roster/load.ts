/**
 * Reads the roster: YAML → shape check → cross-entry checks → Roster with defaults.
 * Pure apart from reading the file; nothing here talks to GitHub, so a bad roster stops the
 * run before the first request.
 */
import { readFile } from 'node:fs/promises'
import { type Document, LineCounter, isSeq, parseDocument } from 'yaml'
import { InputError } from '../errors.js'
import { adjustRule } from './adjust.js'
import { resolveAliases } from './aliases.js'
import { DEFAULTS, ROSTER_SHAPE } from './schema.js'
import { type Exemption, type Roster, loginKey } from './roster.js'
import { crossChecks, duplicateKeyPath } from './cross-checks.js'
import { type ShapeProblem, checkShape } from './validate.js'

export interface RosterProblem {
  file: string
  line: number
  column: number
  /** Key path, e.g. `exemptions[2].until`; empty for the whole file. */
  key: string
  message: string
}

/** A roster that cannot be used, with every problem found, each at file:line:column. */
export class RosterError extends InputError {
  override name = 'RosterError'
  constructor(readonly problems: RosterProblem[]) {
    super(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.key ? `${p.key}: ` : ''}${p.message}`).join('\n'))
  }
}

/** Reads and validates the roster file. `file` is how messages name it. */
export async function loadRoster(path: string, file = path): Promise<Roster> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new InputError(
      code === 'ENOENT'
        ? `${file}: roster file not found. Create it (see the README's quick start) or set the "roster" input to its path.`
        : code === 'EISDIR'
          ? `${file}: is a folder, not a roster file. Set the "roster" input to the YAML file's path.`
          : `${file}: cannot read the roster (${code ?? String(error)}).`
    )
  }
  return parseRoster(text, file)
}

/** Validates roster text; throws RosterError naming file, line, column and key. */
export function parseRoster(text: string, file: string): Roster {
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true })
  const at = (offset: number, key: string, message: string): RosterProblem => {
    const { line, col } = lines.linePos(offset)
    return { file, line, column: col, key, message }
  }

  if (doc.errors.length > 0) {
    throw new RosterError(
      doc.errors.map((e) => {
        if (e.code !== 'DUPLICATE_KEY') return at(e.pos[0], '', `not valid YAML: ${yamlReason(e.code, e.message)}`)
        const path = duplicateKeyPath(doc, e.pos[0])
        const key = path.split('.').pop() ?? ''
        return at(e.pos[0], path, `"${key}" is written twice in the same mapping; keep one`)
      })
    )
  }
  if (doc.contents === null || (doc.contents as { value?: unknown }).value === null) {
    throw new RosterError([at(0, '', 'the roster is empty; it needs at least "version: 1" and "orgs:"')])
  }

  const alias = resolveAliases(doc)
  if (alias) throw new RosterError([at(alias.offset, alias.path, alias.message)])
  const shapeProblems: ShapeProblem[] = []
  checkShape(doc, doc.contents, ROSTER_SHAPE, '', shapeProblems)
  if (shapeProblems.length === 0) shapeProblems.push(...crossChecks(doc))
  if (shapeProblems.length > 0) {
    shapeProblems.sort((a, b) => a.offset - b.offset)
    throw new RosterError(shapeProblems.map((p) => at(p.offset, p.path, p.message)))
  }
  return normalize(doc, file, lines)
}

function yamlReason(code: string, message: string): string {
  if (code === 'TAB_AS_INDENT') return 'tabs are not allowed as indentation; indent with spaces'
  return message.replace(/ at line \d+, column \d+.*$/s, '').trim()
}

type Plain = Record<string, unknown>

function normalize(doc: Document, file: string, lines: LineCounter): Roster {
  const raw = doc.toJS() as Plain
  const inactiveAfterDays = (raw['inactive-after-days'] as number | undefined) ?? DEFAULTS.inactiveAfterDays
  const warnBeforeDays = (raw['warn-before-days'] as number | undefined) ?? DEFAULTS.warnBeforeDays
  const newMemberDays = (raw['new-member-days'] as number | undefined) ?? DEFAULTS.newMemberDays
  const tracking = (raw['tracking-issue'] ?? {}) as Plain
  const include = (raw.include ?? {}) as Plain
  const exemptionsNode = doc.get('exemptions', true)
  const adjust = adjustRule(raw.adjust as Plain | undefined, raw.orgs as (string | Plain)[])

  return {
    file,
    orgs: (raw.orgs as (string | Plain)[]).map((entry) =>
      typeof entry === 'string'
        ? { login: entry, inactiveAfterDays, warnBeforeDays, newMemberDays }
        : {
            login: entry.name as string,
            inactiveAfterDays: (entry['inactive-after-days'] as number | undefined) ?? inactiveAfterDays,
            warnBeforeDays: (entry['warn-before-days'] as number | undefined) ?? warnBeforeDays,
            newMemberDays: (entry['new-member-days'] as number | undefined) ?? newMemberDays
          }
    ),
    inactiveAfterDays,
    warnBeforeDays,
    newMemberDays,
    activityScope: (raw['activity-scope'] as 'anywhere' | 'orgs' | undefined) ?? DEFAULTS.activityScope,
    countPrivateActivity: (raw['count-private-activity'] as boolean | undefined) ?? DEFAULTS.countPrivateActivity,
    maxUnknownPercent: (raw['max-unknown-percent'] as number | undefined) ?? DEFAULTS.maxUnknownPercent,
    teams: ((raw.teams ?? []) as Plain[]).map((t) => {
      const [org = '', slug = ''] = (t.team as string).split('/')
      return {
        org,
        slug,
        inactiveAfterDays: (t['inactive-after-days'] as number | undefined) ?? inactiveAfterDays,
        warnBeforeDays: (t['warn-before-days'] as number | undefined) ?? warnBeforeDays
      }
    }),
    exemptions: ((raw.exemptions ?? []) as Plain[]).map((e, i): Exemption => {
      const node = isSeq(exemptionsNode) ? (exemptionsNode.items[i] as { range?: number[] }) : undefined
      return {
        login: e.login as string,
        reason: (e.reason as string).trim(),
        ...(e['approved-by'] ? { approvedBy: e['approved-by'] as string } : {}),
        ...(e.until ? { until: e.until as string } : {}),
        ...(e.orgs ? { orgs: (e.orgs as string[]).map(loginKey) } : {}),
        line: lines.linePos(node?.range?.[0] ?? 0).line
      }
    }),
    trackingIssue: trackingIssueSettings(tracking),
    include: includeSettings(include),
    ...(adjust ? { adjust } : {})
  }
}

function trackingIssueSettings(tracking: Plain): Roster['trackingIssue'] {
  return {
    ...(tracking.repo ? { repo: tracking.repo as string } : {}),
    ...(tracking.id ? { id: tracking.id as string } : {}),
    title: (tracking.title as string | undefined) ?? DEFAULTS.trackingIssueTitle,
    labels: (tracking.labels as string[] | undefined) ?? [...DEFAULTS.trackingIssueLabels],
    writers: (tracking.writers as string[] | undefined) ?? [...DEFAULTS.trackingIssueWriters],
    mention: (tracking.mention as boolean | undefined) ?? DEFAULTS.mention,
    graceDays: (tracking['grace-days'] as number | undefined) ?? DEFAULTS.graceDays
  }
}

function includeSettings(include: Plain): Roster['include'] {
  return {
    outsideCollaborators: (include['outside-collaborators'] as boolean | undefined) ?? DEFAULTS.outsideCollaborators,
    pendingInvitations: (include['pending-invitations'] as boolean | undefined) ?? DEFAULTS.pendingInvitations,
    invitationMaxAgeDays: (include['invitation-max-age-days'] as number | undefined) ?? DEFAULTS.invitationMaxAgeDays,
    twoFactorDisabled: (include['two-factor-disabled'] as boolean | undefined) ?? DEFAULTS.twoFactorDisabled,
    bots: (include.bots as boolean | undefined) ?? DEFAULTS.bots
  }
}
