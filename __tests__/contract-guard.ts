/**
 * Runs after every test file (jest's setupFilesAfterEnv): no fake GitHub in it may have served an
 * answer GitHub's REST description says GitHub would not send (fake-github/openapi-contract.ts).
 * Answers a test injected through its `fault` or `alter` hook are its own business and not counted.
 */
import { servedProblems } from '../fake-github/server.js'

afterAll(() => {
  const own = servedProblems.filter((p) => !p.injected)
  if (own.length === 0) return
  const lines = [...new Set(own.map((p) => `${p.request} → ${p.status}: ${p.problem}`))].slice(0, 20)
  throw new Error(`The fake GitHub served ${own.length} answers GitHub would not send:\n${lines.join('\n')}`)
})
