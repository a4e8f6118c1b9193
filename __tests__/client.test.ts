/** The one client factory: what every request gets, whatever its neighbours do. */
import { silentLogger } from '../src/logger.js'
import { FakeGitHub } from '../fake-github/server.js'
import { WorldBuilder } from '../fake-github/world.js'
import { testClient } from './helpers.js'

test("parallel failing requests each keep their own retry count, so none waits for its neighbours' failures", async () => {
  const github = await FakeGitHub.start({
    world: new WorldBuilder().world,
    fault: (r) =>
      r.path.endsWith('/events/public') ? { status: 503, body: { message: 'Service Unavailable' } } : undefined
  })
  try {
    const client = testClient(github.url, { log: silentLogger })
    const failures = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        client.request('GET /users/{username}/events/public', { username: `u${i}` }).then(
          () => null,
          (e: unknown) => e
        )
      )
    )
    // The retry plugin's wait before try n+1 is n² seconds; after the fourth try it would be 4² = 16
    // for each. Sharing one count, the later requests had reached 5² or more.
    const lastWaits = failures.map(
      (e) => (e as { request: { request: { retryAfter: number } } }).request.request.retryAfter
    )
    expect(lastWaits).toEqual(Array(8).fill(16))
    expect(github.requests.filter((r) => r.path.endsWith('/events/public'))).toHaveLength(32)
  } finally {
    await github.close()
  }
})
