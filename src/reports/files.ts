/** The reports stage's files: the JSON report and the people table as CSV, in the output folder. */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ApiUsage } from '../github/client.js'
import type { AuditResult } from '../verdicts/result.js'
import { peopleCsv } from './csv.js'
import { jsonReport } from './json-report.js'

export interface ReportFiles {
  reportPath: string
  csvPath: string
}

export async function writeReportFiles(
  dir: string,
  result: AuditResult,
  usage: ApiUsage,
  notChecked: Record<string, string>,
  /** More keys for the report (apply mode's `adjustments`). */
  extra: Record<string, unknown> = {}
): Promise<ReportFiles> {
  await mkdir(dir, { recursive: true })
  const reportPath = join(dir, 'report.json')
  const csvPath = join(dir, 'report.csv')
  await writeFile(reportPath, JSON.stringify({ ...jsonReport(result, usage, notChecked), ...extra }, null, 2) + '\n')
  await writeFile(csvPath, peopleCsv(result))
  return { reportPath, csvPath }
}

/** The report of a comment-triggered apply run, which audits no one: what it did, and nothing else. */
export async function writeApplyReport(dir: string, now: Date, report: Record<string, unknown>): Promise<ReportFiles> {
  await mkdir(dir, { recursive: true })
  const reportPath = join(dir, 'report.json')
  const csvPath = join(dir, 'report.csv')
  await writeFile(reportPath, JSON.stringify({ version: 1, generatedAt: now.toISOString(), ...report }, null, 2) + '\n')
  await writeFile(csvPath, '')
  return { reportPath, csvPath }
}
