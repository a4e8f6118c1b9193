/**
 * The summary's new members (memory/memory.ts): inactive, but first seen less than new-member-days
 * ago, so not contacted. Named only as the one rule allows (text/disclosure.ts); the rest counted.
 */
import { type Disclosure, nameable } from '../text/disclosure.js'
import { escapeText, table } from '../text/markdown.js'
import { count, profileLink } from '../text/people.js'
import type { AuditResult } from '../verdicts/result.js'

export function newMembersSection(
  result: AuditResult,
  d: Disclosure,
  serverUrl: string,
  notice: string | null | undefined
): string {
  const news = result.verdicts.filter((v) => v.newMember).sort((a, b) => a.person.key.localeCompare(b.person.key))
  const lines: string[] = []
  if (notice) lines.push(escapeText(notice))
  if (news.length) {
    const { named, hidden } = nameable(news, (v) => v.person, d)
    lines.push(
      `${count(news.length, 'new member')} with no activity found yet, not contacted until their new-member-days end:`
    )
    if (named.length)
      lines.push(
        table(
          ['Member', 'First seen'],
          named.map((v) => [profileLink(v.person.login, serverUrl), v.newMember!.firstSeen])
        )
      )
    if (hidden)
      lines.push(`${count(hidden, 'more new member')} not named: this summary is public and their membership is not.`)
  }
  return lines.length ? `\n### New members\n\n${lines.join('\n\n')}\n` : ''
}
