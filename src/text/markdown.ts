/**
 * Escaping for everything from outside (roster text, logins, titles, URLs) that goes into
 * Markdown the action writes: it must not break a table, start a list, add a link or an image,
 * @-mention anyone, open HTML, or hide content in a `<!-- -->` comment.
 */

/** Characters with a meaning anywhere in a line. */
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()!|~>]/g
/** Characters with a meaning at the start of a line (headings, lists, quotes). */
const LINE_START = /^(\s*)([#+\-=])/
const ORDERED_LIST = /^(\s*\d+)([.)])/

/** Text shown as itself, on one line, safe in a table cell. */
export function escapeText(text: string): string {
  return text
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MARKDOWN_SPECIAL, (c) => `\\${c}`)
    .replace(LINE_START, (_, space: string, lead: string) => `${space}\\${lead}`)
    .replace(ORDERED_LIST, (_, number: string, mark: string) => `${number}\\${mark}`)
    .replace(/@/g, '&#64;')
}

/** A URL fit for `[text](url)`: only http(s), with characters that would end the link encoded. */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url || !/^https?:\/\//i.test(url)) return null
  return url.replace(/[()<>\s"'`\\|[\]]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
}

/** `[text](url)` with both parts made safe, or the plain escaped text when the URL is not usable. */
export function link(text: string, url: string | null | undefined): string {
  const href = safeUrl(url)
  return href ? `[${escapeText(text)}](${href})` : escapeText(text)
}

/** A Markdown table; cells are expected to be escaped already. */
export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}
