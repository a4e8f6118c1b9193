/**
 * The tracking issue's text: counts, the people to contact as a task list (owners first), and
 * sections for who is due for a privilege change, who returned, who is approaching, unknown or
 * exempt, and a contact note. Pure. Everything from outside is escaped; concealed members are not
 * named when the issue is public.
 */
import type { AuditResult } from '../audit.js'
import { isConcealed, isOwner, type Person } from '../members/people.js'
import { escapeText, link } from '../reports/markdown.js'
import type { Verdict } from '../verdicts/classify.js'
import { daysBetween } from '../verdicts/window.js'
import type { ContactLine, ContactPlan } from './plan.js'
import { issueMarker, lineMark, partMarker } from './state.js'

/**
 * GitHub refuses an issue body over 65,536 characters ("body is too long (maximum is 65536
 * characters)", a 422); comments are held to the same budget here. A margin is kept.
 */
export const TEXT_LIMIT = 65_536 - 1_536
/** GitHub sends notifications for at most 50 @-mentions in one body or comment. */
export const MENTIONS_PER_TEXT = 50

export interface IssueContext {
  id: string
  serverUrl: string
  today: string
  mention: boolean
  graceDays: number
  /** The tracking repository is public: concealed members are counted, not named. */
  hideConcealed: boolean
  warnBeforeDays: number
  /** Short lines (no roles, no activity link), used when the full text needs continuation comments. */
  compact?: boolean
}

export interface IssueText {
  body: string
  /** Continuation comments (part 2, 3, …), each with its own marker. */
  parts: string[]
}

interface Line {
  text: string
  /** The person this line would @-mention, if mentions are on. */
  mention?: Person
}

interface Section {
  heading: string
  intro?: string
  lines: Line[]
}

/**
 * The issue's text. When the full text would pass the body limit, the compact form is used, and
 * what still does not fit continues in comments.
 */
export function renderIssue(plan: ContactPlan, result: AuditResult, ctx: IssueContext): IssueText {
  const full = renderText(plan, result, ctx)
  return full.parts.length === 0 || ctx.compact ? full : renderText(plan, result, { ...ctx, compact: true })
}

function renderText(plan: ContactPlan, result: AuditResult, ctx: IssueContext): IssueText {
  const hidden = (v: Verdict): boolean => ctx.hideConcealed && isConcealed(v.person)
  const named = <T extends { verdict: Verdict | null }>(items: T[]): T[] =>
    items.filter((i) => !i.verdict || !hidden(i.verdict))
  const concealedNote = (count: number): string | undefined =>
    count > 0
      ? `${count} concealed member${count === 1 ? '' : 's'} not named here: this repository is public. The run's JSON report lists them.`
      : undefined

  const toContact = named(plan.toContact)
  const approaching = result.verdicts.filter((v) => v.status === 'approaching' && !hidden(v))
  const exempt = result.verdicts.filter(
    (v) => v.exemption && (v.status === 'exempt' || v.exemption.state !== 'valid') && !hidden(v)
  )
  const counts = [
    `**${plan.toContact.length} to contact**`,
    `${plan.due.length} due for a privilege change`,
    `${plan.returned.length} returned`,
    `${approaching.length} approaching`,
    `${plan.unknown.length} unknown`,
    `${result.verdicts.filter((v) => v.status === 'exempt').length} exempt`
  ]
  const header = [
    issueMarker(ctx.id),
    `Updated ${ctx.today} by member-audit: ${result.verdicts.length} people in ${result.orgs.length} organization${result.orgs.length === 1 ? '' : 's'}, public activity in the last ${result.windowDays} days.`,
    '',
    counts.join(' · '),
    '',
    'Tick a box once you have contacted the person; the tick and its date are kept on every update. Privileges are adjusted only after contact, and anyone can be reinstated on request.'
  ].join('\n')

  const owners = toContact.filter((c) => isOwner(c.verdict.person))
  const sections: Section[] = [
    {
      heading: `### Inactive owners (${owners.length})`,
      intro: owners.length
        ? `Contact these first: ${owners.map((c) => link(c.verdict.person.login, `${ctx.serverUrl}/${c.verdict.person.login}`)).join(', ')}.`
        : undefined,
      lines: []
    },
    {
      heading: `### To contact (${plan.toContact.length})`,
      intro: concealedNote(plan.toContact.length - toContact.length),
      lines: toContact.map((c) => contactLine(c, result, ctx))
    },
    {
      heading: `### Due for a privilege change (${plan.due.length})`,
      intro: `Contacted more than ${ctx.graceDays} days ago and still inactive.`,
      lines: named(plan.due).map(({ verdict, record }) => ({
        text: `- ${personText(verdict.person, ctx)}: contacted ${record.contactedOn}`
      }))
    },
    {
      heading: `### Returned (${plan.returned.length})`,
      intro: `Active again (or no longer members) in the last ${ctx.graceDays} days: nothing to do.`,
      lines: named(plan.returned).map(({ record, verdict }) => ({
        text: `- ${link(record.login, `${ctx.serverUrl}/${record.login}`)}: ${verdict ? `${verdict.status}${verdict.lastActivity ? `, ${activityText(verdict, result)}` : ''}` : 'no longer a member of the audited organizations'}, since ${record.returnedOn} ${lineMark(record)}`
      }))
    },
    {
      heading: `### Approaching the threshold (${approaching.length})`,
      lines: approaching.map((v) => ({
        text: `- ${personText(v.person, ctx)}: ${activityText(v, result)}, ${daysLeft(v, result)} left`
      }))
    },
    {
      heading: `### Unknown (${plan.unknown.length})`,
      intro:
        'GitHub could not answer fully for these people, so they are not called inactive. The next run tries again.',
      lines: named(plan.unknown).map(({ verdict, record }) => ({
        text: `- ${personText(verdict.person, ctx)}: ${escapeText(verdict.errors.join('; '))}${record ? ` ${lineMark(record)}` : ''}`
      }))
    },
    {
      heading: `### Exemptions (${exempt.length})`,
      lines: exempt.map((v) => ({ text: `- ${personText(v.person, ctx)}: ${exemptionText(v, ctx)}` }))
    }
  ]

  const note = [
    '<details><summary>Contact note (ready to send)</summary>',
    '',
    'Hello! You are a member of our GitHub organization, and our access policy asks us to check in with members who have had no public GitHub activity for a while. Thank you for everything you have contributed.',
    '',
    'If you would like to keep your access, just reply (or open an issue, comment, or review anywhere public on GitHub). If we do not hear from you, we may adjust your privileges after a grace period; you can ask to be reinstated at any time, no questions asked.',
    '',
    '</details>'
  ].join('\n')

  return pack(header, sections, note, ctx)
}

function contactLine({ verdict, record }: ContactLine, result: AuditResult, ctx: IssueContext): Line {
  const last = verdict.lastActivity
  const parts = [
    `- [${record.contactedOn ? 'x' : ' '}] ${personText(verdict.person, ctx)}`,
    ...(ctx.compact ? [] : [roles(verdict.person)]),
    last
      ? ctx.compact
        ? `last active ${last.at.slice(0, 10)}`
        : `last activity ${activityText(verdict, result)}`
      : `no public activity in ${verdict.window.days} days`,
    `flagged ${record.flaggedOn}`,
    ...(record.contactedOn ? [`contacted ${record.contactedOn}`] : [])
  ]
  return { text: `${parts.join(' · ')} ${lineMark(record)}`, mention: verdict.person }
}

/** The person's name as a profile link (no notification), or a placeholder replaced by an @-mention when allowed. */
function personText(person: Person, ctx: IssueContext): string {
  return (
    (ctx.mention ? `{{mention:${person.login}}}` : link(person.login, `${ctx.serverUrl}/${person.login}`)) +
    (isOwner(person) ? ' **(owner)**' : '')
  )
}

function roles(person: Person): string {
  return person.memberships.map((m) => `${m.role === 'admin' ? 'owner' : 'member'} of ${escapeText(m.org)}`).join(', ')
}

function activityText(v: Verdict, result: AuditResult): string {
  const e = v.lastActivity!
  return `${link(`${e.kind.replace(/_/g, ' ')} ${e.at.slice(0, 10)}`, e.url)} (${daysBetween(new Date(e.at), result.now)} days ago)`
}

function exemptionText(v: Verdict, ctx: IssueContext): string {
  const { exemption, state } = v.exemption!
  const until = exemption.until ? ` until ${exemption.until}` : ''
  const soon =
    exemption.until &&
    state === 'valid' &&
    Date.parse(exemption.until) - Date.parse(ctx.today) <= ctx.warnBeforeDays * 86400000
  const flag =
    state === 'expired'
      ? '**expired**: '
      : state === 'partial'
        ? '**does not cover every organization**: '
        : soon
          ? '**expires soon**: '
          : ''
  return `${flag}${escapeText(exemption.reason)}${until}`
}

/**
 * Lays the sections out into the body and, past GitHub's size limit, continuation comments.
 * Empty sections are left out; a section cut by a text boundary repeats its heading. Mentions
 * turn into plain links past the 50th in a text.
 */
function pack(header: string, sections: Section[], note: string, ctx: IssueContext): IssueText {
  const texts: string[] = []
  let current = header
  let mentions = 0
  const profile = (login: string): string => link(login, `${ctx.serverUrl}/${login}`)
  /** The line as it will be written into the current text; mentions are counted per text. */
  const write = (line: Line): string =>
    line.text.replace(/\{\{mention:([^}]+)\}\}/g, (_, login: string) =>
      mentions++ < MENTIONS_PER_TEXT ? `@${login}` : profile(login)
    )
  /** Its longest form (a link is longer than a mention), to decide whether it fits. */
  const widest = (line: Line): string =>
    line.text.replace(/\{\{mention:([^}]+)\}\}/g, (_, login: string) => profile(login))
  const append = (block: string, separator: string): void => {
    if (current.length + separator.length + block.length > TEXT_LIMIT) {
      texts.push(current)
      current = partMarker(ctx.id, texts.length + 1)
      mentions = 0
      separator = '\n\n'
    }
    current += separator + block
  }

  for (const section of sections) {
    if (
      section.lines.length === 0 &&
      !section.intro?.includes('concealed') &&
      !section.intro?.startsWith('Contact these first')
    )
      continue
    append([section.heading, ...(section.intro ? ['', section.intro] : [])].join('\n'), '\n\n')
    let first = true
    for (const line of section.lines) {
      if (current.length + 2 + widest(line).length > TEXT_LIMIT) {
        texts.push(current)
        current = `${partMarker(ctx.id, texts.length + 1)}\n\n${section.heading} (continued)`
        mentions = 0
        first = true
      }
      current += (first ? '\n\n' : '\n') + write(line)
      first = false
    }
  }
  append(note, '\n\n')
  texts.push(current)
  return { body: texts[0]!, parts: texts.slice(1) }
}

function daysLeft(v: Verdict, result: AuditResult): string {
  const n = v.window.days - daysBetween(new Date(v.lastActivity!.at), result.now)
  return `${n} day${n === 1 ? '' : 's'}`
}
