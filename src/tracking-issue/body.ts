/**
 * The tracking issue's text: counts, the people to contact as a task list (owners first), and
 * sections for who is due for a privilege change, who returned, who is approaching, unknown or
 * exempt, and a contact note. Pure. Everything from outside is escaped; who may be named is
 * text/disclosure.ts's rule.
 */
import type { Person } from '../members/people.js'
import {
  type Disclosure,
  nameable,
  redact,
  shownEvidence,
  shownMemberships,
  shownOwner,
  shownPriority
} from '../text/disclosure.js'
import { activityText, standingText } from '../text/evidence.js'
import { escapeText } from '../text/markdown.js'
import { count, notNamedNote, ownerMark, profileLink, roleName } from '../text/people.js'
import type { Verdict } from '../verdicts/classify.js'
import { daysBetween, isoDay } from '../verdicts/days.js'
import { exemptionStanding } from '../verdicts/exemptions.js'
import type { AuditResult } from '../verdicts/result.js'
import { type IssueText, type Line, type Section, pack } from './layout.js'
import type { ContactLine, ContactPlan } from './plan.js'
import { lineMark } from './state.js'
import { issueMarker } from './markers.js'

export { type IssueText, MENTIONS_PER_TEXT, TEXT_LIMIT } from './layout.js'

export interface IssueContext {
  id: string
  serverUrl: string
  today: string
  mention: boolean
  graceDays: number
  /** Who the issue may name: a public repository's issue is read by anyone. */
  disclosure: Disclosure
  /** Short lines (no roles, no activity link), used when the full text needs continuation comments. */
  compact?: boolean
}

/** Why people not named lose their dates here: a public issue cannot hold them, not even in hidden marks (raw text is public too). */
const UNTRACKED =
  'Their flag and contact dates are not kept in a public issue; to track them, keep the tracking issue in a private repository.'

const INSTRUCTIONS =
  'Tick a box once you have contacted the person; the tick and its date are kept on every update. Privileges are adjusted only after contact, and anyone can be reinstated on request.'

const CONTACT_NOTE = [
  '<details><summary>Contact note (ready to send)</summary>',
  '',
  'Hello! You are a member of our GitHub organization, and our access policy asks us to check in with members who have had no public GitHub activity for a while. Thank you for everything you have contributed.',
  '',
  'If you would like to keep your access, just reply (or open an issue, comment, or review anywhere public on GitHub). If we do not hear from you, we may adjust your privileges after a grace period; you can ask to be reinstated at any time, no questions asked.',
  '',
  '</details>'
].join('\n')

/**
 * The issue's text. When the full text would pass the body limit, the compact form is used, and
 * what still does not fit continues in comments.
 */
export function renderIssue(plan: ContactPlan, result: AuditResult, ctx: IssueContext): IssueText {
  const full = renderText(plan, result, ctx)
  return full.parts.length === 0 || ctx.compact ? full : renderText(plan, result, { ...ctx, compact: true })
}

function renderText(plan: ContactPlan, result: AuditResult, ctx: IssueContext): IssueText {
  const approaching = result.verdicts.filter((v) => v.status === 'approaching')
  const exempt = result.verdicts.filter((v) => v.exemption && (v.status === 'exempt' || v.exemption.state !== 'valid'))
  const counts = [
    `**${plan.toContact.length} to contact**`,
    `${plan.due.length} due for a privilege change`,
    `${plan.returned.length} returned`,
    `${approaching.length} approaching`,
    `${plan.unknown.length} unknown`,
    `${result.verdicts.filter((v) => v.status === 'exempt').length} exempt`
  ]
  const scope = `${result.verdicts.length} people in ${count(result.orgs.length, 'organization')}, public activity in the last ${result.windowDays} days`
  const header = [
    issueMarker(ctx.id),
    `Updated ${ctx.today} by member-audit: ${scope}.`,
    '',
    counts.join(' · '),
    '',
    INSTRUCTIONS
  ].join('\n')
  const sections = [
    ...contactSections(plan, result, ctx),
    peopleSection(
      'Approaching the threshold',
      approaching,
      ctx,
      (v) =>
        `${activityText(shownEvidence(v.lastActivity, ctx.disclosure), { now: result.now })}, ${daysLeft(v, result.now)} left`
    ),
    ...unknownSections(plan, ctx),
    peopleSection('Exemptions', exempt, ctx, (v) => exemptionText(v, ctx))
  ]
  return pack(header, sections, CONTACT_NOTE, ctx.id, ctx.serverUrl)
}

/**
 * The plan lists people owners first by every membership; a public issue lists them in the order
 * of what it shows (text/disclosure.ts, shownPriority), so that a line's place says no more than
 * the line. Those with no verdict (no longer members) come last, by login.
 */
function shownOrder<T>(items: T[], verdictOf: (item: T) => Verdict | null, d: Disclosure): T[] {
  if (!d.public) return items
  const order = shownPriority(d)
  return [...items].sort((a, b) => {
    const [va, vb] = [verdictOf(a), verdictOf(b)]
    return va && vb ? order(va, vb) : va ? -1 : vb ? 1 : 0
  })
}

function contactSections(plan: ContactPlan, result: AuditResult, ctx: IssueContext): Section[] {
  const d = ctx.disclosure
  const toContact = nameable(
    shownOrder(plan.toContact, (c) => c.verdict, d),
    (c) => c.verdict.person,
    d
  )
  const owners = toContact.named.filter((c) => shownOwner(c.verdict.person, d))
  const returned = nameable(
    shownOrder(plan.returned, (r) => r.verdict, d),
    (r) => r.verdict?.person ?? null,
    d
  )
  const due = nameable(
    shownOrder(plan.due, (c) => c.verdict, d),
    (c) => c.verdict.person,
    d
  )
  return [
    {
      heading: `### Inactive owners (${owners.length})`,
      intro: `Contact these first: ${owners.map((c) => profileLink(c.verdict.person.login, ctx.serverUrl)).join(', ')}.`,
      lines: [],
      keep: owners.length > 0
    },
    {
      heading: `### To contact (${plan.toContact.length})`,
      intro: toContact.hidden ? `${notNamedNote(toContact.hidden)} ${UNTRACKED}` : undefined,
      lines: toContact.named.map((c) => contactLine(c, result, ctx)),
      keep: toContact.hidden > 0
    },
    {
      heading: `### Due for a privilege change (${plan.due.length})`,
      intro: `Contacted more than ${ctx.graceDays} days ago and still inactive.`,
      lines: due.named.map(({ verdict, record }) => ({
        text: `- ${personText(verdict.person, ctx)}: contacted ${record.contactedOn}`
      }))
    },
    {
      heading: `### Returned (${plan.returned.length})`,
      intro: `Active again (or no longer members) in the last ${ctx.graceDays} days: nothing to do.`,
      lines: returned.named.map(({ record, verdict }) => {
        const last = shownEvidence(verdict?.lastActivity ?? null, ctx.disclosure)
        const now = verdict
          ? `${verdict.status}${last ? `, ${activityText(last, { now: result.now })}` : ''}`
          : 'no longer a member of the audited organizations'
        return {
          text: `- ${profileLink(record.login, ctx.serverUrl)}: ${now}, since ${record.returnedOn} ${lineMark(record)}`
        }
      })
    }
  ]
}

function unknownSections(plan: ContactPlan, ctx: IssueContext): Section[] {
  const { named } = nameable(
    shownOrder(plan.unknown, (u) => u.verdict, ctx.disclosure),
    (u) => u.verdict.person,
    ctx.disclosure
  )
  return [
    {
      heading: `### Unknown (${plan.unknown.length})`,
      intro:
        'GitHub could not answer fully for these people, so they are not called inactive. The next run tries again.',
      lines: named.map(({ verdict, record }) => ({
        text: `- ${personText(verdict.person, ctx)}: ${escapeText(redact(verdict.errors.join('; '), ctx.disclosure))}${record ? ` ${lineMark(record)}` : ''}`
      }))
    }
  ]
}

function peopleSection(title: string, verdicts: Verdict[], ctx: IssueContext, detail: (v: Verdict) => string): Section {
  const { named } = nameable(verdicts, (v) => v.person, ctx.disclosure)
  return {
    heading: `### ${title} (${named.length})`,
    lines: named.map((v) => ({ text: `- ${personText(v.person, ctx)}: ${detail(v)}` }))
  }
}

function contactLine({ verdict, record }: ContactLine, result: AuditResult, ctx: IssueContext): Line {
  const last = shownEvidence(verdict.lastActivity, ctx.disclosure)
  const activity = !last
    ? `no public activity in ${verdict.window.days} days`
    : ctx.compact
      ? `last active ${isoDay(last.at)}`
      : `last activity ${activityText(last, { now: result.now })}`
  const parts = [
    `- [${record.contactedOn ? 'x' : ' '}] ${personText(verdict.person, ctx)}`,
    ...(ctx.compact ? [] : [roles(verdict.person, ctx.disclosure)]),
    activity,
    `flagged ${record.flaggedOn}`,
    ...(record.contactedOn ? [`contacted ${record.contactedOn}`] : [])
  ]
  return { text: `${parts.join(' · ')} ${lineMark(record)}` }
}

/** The person's name as a profile link (no notification), or a placeholder replaced by an @-mention when allowed. */
function personText(person: Person, ctx: IssueContext): string {
  const name = ctx.mention ? `{{mention:${person.login}}}` : profileLink(person.login, ctx.serverUrl)
  return name + ownerMark(shownOwner(person, ctx.disclosure))
}

function roles(person: Person, d: Disclosure): string {
  return shownMemberships(person, d)
    .map((m) => `${roleName(m)} of ${escapeText(m.org)}`)
    .join(', ')
}

function exemptionText(v: Verdict, ctx: IssueContext): string {
  const { exemption } = v.exemption!
  const standing = standingText(exemptionStanding(v.exemption!, v.window.warnBeforeDays, ctx.today))
  return `${standing ? `**${standing}**: ` : ''}${escapeText(exemption.reason)}${exemption.until ? ` until ${exemption.until}` : ''}`
}

function daysLeft(v: Verdict, now: Date): string {
  return count(v.window.days - daysBetween(v.lastActivity!.at, now), 'day')
}
