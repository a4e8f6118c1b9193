/**
 * Progress on stderr while the audit works: the stage, how far it has come, requests made, the
 * REST quota left and an estimate of the time left in the stage. One live line on a terminal;
 * plain lines (at each tenth of a stage) when stderr is a file or a pipe.
 */
import type { ApiUsage } from '../github/client.js'

const STAGES: Record<string, string> = {
  members: 'reading member lists',
  graphql: 'asking GraphQL about people',
  'repository-sweep': "sweeping the organizations' repositories",
  events: 'reading public events of people still left'
}

export interface ProgressWriter {
  update(stage: string, done: number, total: number, usage: ApiUsage, rateLimitRemaining: number | null): void
  end(): void
}

export function progressWriter(
  stream: NodeJS.WriteStream | { write(s: string): boolean; isTTY?: boolean },
  now: () => number = Date.now
): ProgressWriter {
  const live = stream.isTTY === true
  let stage = ''
  let stageStart = now()
  let lastTenth = -1
  let shown = false
  return {
    update(name, done, total, usage, left) {
      if (name !== stage) {
        if (live && shown) stream.write('\n')
        stage = name
        stageStart = now()
        lastTenth = -1
      }
      const elapsed = (now() - stageStart) / 1000
      const eta = done > 0 && done < total ? Math.round((elapsed / done) * (total - done)) : null
      const requests = usage.rest + usage.graphql + usage.search
      const line =
        `${STAGES[name] ?? name}: ${done}/${total}` +
        ` · ${requests} requests` +
        (left !== null ? ` · ${left} left this hour` : '') +
        (eta !== null ? ` · about ${eta < 90 ? `${eta} s` : `${Math.round(eta / 60)} min`} left` : '')
      if (live) {
        stream.write(`\r\x1b[2K${line}`)
        shown = true
        return
      }
      const tenth = total > 0 ? Math.floor((10 * done) / total) : 10
      if (tenth !== lastTenth) {
        lastTenth = tenth
        stream.write(`${line}\n`)
      }
    },
    end() {
      if (live && shown) stream.write('\n')
    }
  }
}
