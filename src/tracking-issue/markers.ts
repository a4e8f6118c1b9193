/**
 * The hidden marks by which the action knows its own texts: the issue of one roster, the comments
 * that continue it, retired ones, and the body's index of its continuation comments. Pure.
 */

/**
 * The marker that identifies this roster's issue. The id is reduced to safe characters so that it
 * can never close the comment early.
 */
export function issueMarker(id: string): string {
  return `<!-- member-audit:tracking-issue id=${safeId(id)} -->`
}

function safeId(id: string): string {
  return id.replace(/[^A-Za-z0-9._/-]/g, '_')
}

/** The marker of continuation comment `part` (2, 3, …) of the issue `id`. */
export function partMarker(id: string, part: number): string {
  return `<!-- member-audit:part ${part} id=${safeId(id)} -->`
}

/** The mark of a continuation comment that is no longer part of the issue (kept for reuse). */
export function retiredMarker(id: string): string {
  return `<!-- member-audit:retired id=${safeId(id)} -->`
}

const PARTS_INDEX = /\n?<!-- member-audit:parts ([\d,]*) -->/

/**
 * The body names the comments that continue it, by id, so that which comments are current
 * changes with one write (the body's): a failed write can never leave half an old list and half a
 * new one. Continuation comments are written before the body names them.
 */
export function withPartsIndex(body: string, commentIds: number[]): string {
  const bare = body.replace(PARTS_INDEX, '')
  return commentIds.length ? `${bare}\n<!-- member-audit:parts ${commentIds.join(',')} -->` : bare
}

/** The comment ids the body names as its continuation, or null for a body written before the index. */
export function partsIndexOf(body: string): number[] | null {
  const m = PARTS_INDEX.exec(body)
  return m ? m[1]!.split(',').filter(Boolean).map(Number) : null
}

/** The part number a continuation comment says it is, or null. */
export function partNumberOf(id: string, body: string): number | null {
  const m = /<!-- member-audit:part (\d+) id=/.exec(body)
  return m && body.includes(partMarker(id, Number(m[1]))) ? Number(m[1]) : null
}
