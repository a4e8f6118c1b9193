/**
 * What the roster asked for and the run could not check, named in the log, the summary and the
 * JSON report, so that an empty list is never read as "none found".
 */
import type { AuditResult } from '../verdicts/result.js'
import type { CheckResult } from '../members/access-checks.js'
import { type Disclosure, redact } from '../text/disclosure.js'
import { escapeText } from '../text/markdown.js'

export function notChecked(result: AuditResult): Record<string, string> {
  const where = (check: CheckResult<unknown> | null): string | null =>
    check && check.notChecked.length ? check.notChecked.map((n) => `${n.org}: ${n.reason}`).join('; ') : null
  const invitations = where(result.invitations)
  const twoFactor = where(result.twoFactorDisabled)
  const outside = where({ items: [], notChecked: result.outsideNotChecked })
  return {
    ...(invitations ? { invitations } : {}),
    ...(twoFactor ? { twoFactorDisabled: twoFactor } : {}),
    ...(outside ? { outsideCollaborators: outside } : {})
  }
}

/** The summary's note for checks that have no section of their own to say it in, as the summary's rule allows. */
export function notCheckedSummary(skipped: Record<string, string>, shown: Disclosure): string {
  const { invitations: _i, twoFactorDisabled: _t, ...rest } = skipped
  const lines = Object.entries(rest).map(([what, why]) => `- ${escapeText(what)}: ${escapeText(redact(why, shown))}.`)
  return lines.length ? `\n### Not checked\n\n${lines.join('\n')}\n` : ''
}
