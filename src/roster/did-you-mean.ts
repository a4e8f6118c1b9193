/** The allowed word nearest to a misspelt one, when it is near enough to be a likely typo. */
export function closestKey(word: string, allowed: readonly string[]): string | undefined {
  const lower = word.toLowerCase()
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of allowed) {
    const d = editDistance(lower, candidate.toLowerCase())
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  // A third of the word's length, at least 1 and at most 3 edits, counts as "near".
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)))
  return bestDistance <= limit ? best : undefined
}

/** Levenshtein distance, treating `_` and `-` as the same (a common roster slip). */
function editDistance(a: string, b: string): number {
  const x = a.replace(/_/g, '-')
  const y = b.replace(/_/g, '-')
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j)
  for (let i = 1; i <= x.length; i++) {
    const current = [i]
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost)
    }
    previous = current
  }
  return previous[y.length] ?? 0
}
