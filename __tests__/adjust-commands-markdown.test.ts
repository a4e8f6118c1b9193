/**
 * Where a command counts, judged as a reader of the rendered comment would: only in a paragraph's
 * own text. The CommonMark spec's own examples for indented code, fenced code and HTML blocks
 * (the `commonmark-spec` package) decide: a command put in place of an example's content counts
 * exactly when the spec's HTML shows it starting a line of a top-level paragraph, and never when
 * it shows it inside <pre>/<code> or as raw HTML.
 */
import { createRequire } from 'node:module'
import { commandLines } from '../src/adjust/commands.js'

interface Example {
  markdown: string
  html: string
  section: string
  number: number
}
const spec = createRequire(import.meta.url)('commonmark-spec') as { tests: Example[] }
const SECTIONS = ['Indented code blocks', 'Fenced code blocks', 'HTML blocks']
const COMMAND = '/member-audit approve alice'

const approvals = (body: string): number => commandLines(body).length

describe('commands read as Markdown', () => {
  test('the three forms a line-by-line reader took for approvals approve nobody', () => {
    const example = 'To approve, write:\n\n    /member-audit approve alice\n\nwhen the grace period is over.'
    const hidden = 'Not yet.\n<!--\n/member-audit approve alice\n-->'
    const unclosed = 'Like this:\n```\n/member-audit approve alice\n~~~\n/member-audit approve bob\n'
    expect(commandLines(example)).toEqual([])
    expect(commandLines(hidden)).toEqual([])
    expect(commandLines(unclosed)).toEqual([])
  })

  test("a line of a paragraph's own text counts, wherever it sits in the paragraph", () => {
    const body = 'Checked with them.\n  /member-audit approve alice\nThanks!  \n/member-audit reinstate bob'
    expect(commandLines(body)).toEqual([
      { verb: 'approve', logins: ['alice'], bad: [] },
      { verb: 'reinstate', logins: ['bob'], bad: [] }
    ])
  })

  test('link and image text, emphasis, code spans, lists, tables, headings and footnotes hold no command', () => {
    for (const body of [
      '[/member-audit approve alice](https://example.com)',
      '![/member-audit approve alice](x.png)',
      '*/member-audit approve alice*',
      '`/member-audit approve alice`',
      '- /member-audit approve alice',
      '1. /member-audit approve alice',
      '/member-audit approve alice | x\n--- | ---',
      '# /member-audit approve alice',
      '/member-audit approve alice\n---',
      'See [^1].\n\n[^1]: /member-audit approve alice',
      '<span>/member-audit approve alice</span>',
      'Approved:\n<a href="https://example.com">\n/member-audit approve alice', // the link's text, once rendered
      '> quoted\n/member-audit approve alice' // a lazy continuation line is still the quote's
    ])
      expect([body, approvals(body)]).toEqual([body, 0])
  })

  test('anything but plain text among the logins is refused, not read as a login', () => {
    expect(commandLines('/member-audit approve alice [bob](https://example.com)')).toEqual([
      { verb: 'approve', logins: ['alice'], bad: ['\u2026'] }
    ])
  })
})

describe('CommonMark spec examples: code blocks, fences and HTML blocks', () => {
  const examples = spec.tests.filter((e) => SECTIONS.includes(e.section))
  const variants = examples.flatMap((e) => contentWords(e).map((word) => ({ e, word })))

  test('the spec package holds the sections, and most examples have content to put a command in', () => {
    expect(examples.map((e) => e.section).filter((s, i, all) => all.indexOf(s) === i)).toEqual(SECTIONS)
    expect(examples).toHaveLength(12 + 29 + 44)
    const covered = new Set(variants.map((v) => v.e.number))
    expect(covered.size).toBeGreaterThan(examples.length * 0.75)
    // Both answers occur: the spec shows the command in a paragraph in some, hidden in the rest.
    const counted = variants.filter((v) => paragraphStarts(replaceWord(v.e.html, v.word)) > 0)
    expect(counted.length).toBeGreaterThan(10)
    expect(variants.length - counted.length).toBeGreaterThan(100)
  })

  test.each(variants.map((v) => [v.e.number, v.e.section, v.word, v]))(
    'example %i (%s) with %j as a command',
    (_n, _section, _word, { e, word }) => {
      const markdown = replaceWord(e.markdown, word)
      const html = replaceWord(e.html, word)
      expect(approvals(markdown)).toBe(paragraphStarts(html))
    }
  )
})

/**
 * The words of an example that stand as text both in its Markdown and in its HTML, as often in
 * each, and never inside a tag: replacing them in both changes the content, not the structure,
 * so the spec's HTML still says how the changed Markdown renders.
 */
function contentWords(e: Example): string[] {
  const words = new Set(e.markdown.match(/[A-Za-z]+/g) ?? [])
  const tags = (text: string): string[] => text.match(/<[^>\n]*(>|$)/gm) ?? [] // unclosed ones too
  return [...words].filter((w) => {
    const inTags = [...tags(e.markdown), ...tags(e.html)].some((tag) => wordIn(tag, w))
    return !inTags && count(e.markdown, w) === count(e.html.replace(/<[^>]*>|&\w+;/g, ' '), w)
  })
}

function wordRe(w: string): RegExp {
  return new RegExp(`(?<![A-Za-z0-9&#])${w}(?![A-Za-z0-9;])`, 'g')
}
function wordIn(text: string, w: string): boolean {
  return wordRe(w).test(text)
}
function count(text: string, w: string): number {
  return text.match(wordRe(w))?.length ?? 0
}
function replaceWord(text: string, w: string): string {
  return text.replace(wordRe(w), COMMAND)
}

/**
 * How many times the spec's HTML shows the command starting a line of a paragraph that is not
 * inside a block quote or a list: the only place a reader sees a command.
 */
function paragraphStarts(html: string): number {
  const open: string[] = []
  let found = 0
  let lineStart = false // right after <p>: anything else before the text starts the line
  for (const token of html.match(/<\/?[a-z][^>]*>|[^<]+|</gi) ?? []) {
    const tag = /^<(\/?)([a-z][a-z0-9]*)/i.exec(token)
    if (tag) {
      const name = tag[2]!.toLowerCase()
      if (tag[1]) open.splice(open.lastIndexOf(name) >>> 0)
      else if (!token.endsWith('/>')) open.push(name)
      lineStart = !tag[1] && name === 'p'
      continue
    }
    const inParagraph = open.at(-1) === 'p' && !open.some((t) => ['blockquote', 'li', 'pre', 'code'].includes(t))
    const lines = token.split('\n').filter((line, i) => (i > 0 || lineStart) && line.startsWith(COMMAND))
    if (inParagraph) found += lines.length
    lineStart = false
  }
  return found
}
