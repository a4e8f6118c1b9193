/**
 * The store for snapshots and the journal: a sealed block inside a comment the action's own
 * account writes on the tracking issue. It lasts as long as the issue (years), survives a failed
 * run (each person's snapshot is written before any change to them), and in a public tracking
 * repository shows the public only ciphertext: AES-256-GCM (node:crypto) with a key derived by
 * scrypt from the `snapshot-key` input and a random salt per block. The id is bound in as
 * additional authenticated data, so a block copied into another roster's issue does not open.
 * Lose the key and the blocks cannot be read: reinstatement then needs the roles and teams from
 * another record (GitHub keeps a removed member's privileges for three months).
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto'

const BLOCK = /<!-- member-audit:sealed v1 ([A-Za-z0-9+/=]+) -->/

function key(secret: string, salt: Buffer): Buffer {
  return scryptSync(secret, salt, 32)
}

/** `data` sealed into a hidden block for the issue `id`. */
export function seal(secret: string, id: string, data: unknown): string {
  const salt = randomBytes(16)
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key(secret, salt), iv)
  cipher.setAAD(Buffer.from(id, 'utf8'))
  const sealed = Buffer.concat([cipher.update(JSON.stringify(data), 'utf8'), cipher.final()])
  const packed = Buffer.concat([salt, iv, cipher.getAuthTag(), sealed]).toString('base64')
  return `<!-- member-audit:sealed v1 ${packed} -->`
}

export class SealError extends Error {
  override name = 'SealError'
}

/** The data in the first sealed block of `text`, or null when there is none; SealError when it does not open. */
export function unseal(secret: string, id: string, text: string): unknown {
  const m = BLOCK.exec(text)
  if (!m) return null
  const raw = Buffer.from(m[1]!, 'base64')
  const [salt, iv, tag, body] = [raw.subarray(0, 16), raw.subarray(16, 28), raw.subarray(28, 44), raw.subarray(44)]
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(secret, salt), iv)
    decipher.setAAD(Buffer.from(id, 'utf8'))
    decipher.setAuthTag(tag)
    return JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8'))
  } catch {
    throw new SealError(
      'A sealed snapshot block on the tracking issue does not open with this snapshot-key (another key, or altered). Nothing was adjusted or reinstated.'
    )
  }
}
