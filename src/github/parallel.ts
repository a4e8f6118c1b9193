/**
 * Requests a few at a time. The throttling plugin lets 10 requests be in flight in all, and GitHub
 * 100 (docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits):
 * 8 at once leaves room for the run's other requests.
 */
const READS_AT_ONCE = 8

/** Calls `work` for each item, `READS_AT_ONCE` at a time, while `goOn()` holds. */
export async function eachAtOnce<T>(
  items: T[],
  work: (item: T) => Promise<void>,
  goOn: () => boolean = () => true
): Promise<void> {
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length && goOn()) await work(items[next++]!)
  }
  await Promise.all(Array.from({ length: Math.min(READS_AT_ONCE, items.length) }, worker))
}
