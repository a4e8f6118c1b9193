/**
 * Where a command may stand in a comment: the comment is read as GitHub-flavoured Markdown, the
 * way GitHub renders it, and only the plain text of a paragraph at the top level counts. Pure.
 *
 * Line tricks cannot tell what a reader sees as a command from what they see as an example or do
 * not see at all: a line indented four spaces is an indented code block (CommonMark 0.31.2
 * §4.4), a fence closes only with its own character (§4.5: ``` is not closed by ~~~), and an HTML
 * block such as a multi-line `<!-- … -->` is not shown (§4.6). A Markdown parser knows all three.
 * https://spec.commonmark.org/0.31.2/ and https://github.github.com/gfm/
 */
import type { PhrasingContent } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'

/**
 * Stands in for inline content that is not plain text (code, HTML, links, images, emphasis…), so
 * that a command can neither start at it nor take a login from it.
 */
const NOT_PLAIN_TEXT = '\u2026'

/**
 * The lines of the comment's top-level paragraphs, as a reader sees their text. Code (indented or
 * fenced), HTML, block quotes, lists, tables, headings and footnotes are left out whole; inside a
 * paragraph, anything but plain text reads as {@link NOT_PLAIN_TEXT}.
 */
export function paragraphLines(body: string): string[] {
  const tree = fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })
  const lines: string[] = []
  for (const block of tree.children) {
    if (block.type === 'paragraph') lines.push(...ownText(block.children).split('\n'))
  }
  return lines
}

/** Elements that have no content, so their tag opens nothing (HTML Living Standard §13.1.2). */
const VOID = /^<(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)\b/i

/**
 * A paragraph's plain text. Text after an opening HTML tag is that element's content until its
 * closing tag (`<a href="…">` on one line makes the next lines a link), so it is not plain text.
 */
function ownText(nodes: PhrasingContent[]): string {
  let insideHtml = 0
  return nodes
    .map((node) => {
      if (node.type === 'html') {
        if (/^<\//.test(node.value)) insideHtml = Math.max(0, insideHtml - 1)
        else if (/^<[a-z][^>]*[^/]>$|^<[a-z]>$/i.test(node.value) && !VOID.test(node.value)) insideHtml++
        return NOT_PLAIN_TEXT
      }
      if (node.type === 'break') return '\n' // a hard line break ends the line as a soft one does
      if (node.type === 'text' && insideHtml === 0) return node.value
      return node.type === 'text' ? node.value.replace(/[^\n]+/g, NOT_PLAIN_TEXT) : NOT_PLAIN_TEXT
    })
    .join('')
}
