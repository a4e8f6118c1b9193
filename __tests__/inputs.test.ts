/** Action inputs and runner environment, read as the runner passes them. */
import { readSettings } from '../src/inputs.js'
import { InputError } from '../src/errors.js'

describe('inputs', () => {
  test('defaults: roster path in the workspace, issue token = token, api.github.com, not a dry run', () => {
    const s = readSettings({ INPUT_TOKEN: 'abc', GITHUB_WORKSPACE: '/ws', RUNNER_TEMP: '/tmp/r' })
    expect(s).toMatchObject({
      rosterInput: '.github/member-audit.yml',
      rosterPath: '/ws/.github/member-audit.yml',
      token: 'abc',
      issueToken: 'abc',
      dryRun: false,
      apiUrl: 'https://api.github.com',
      serverUrl: 'https://github.com',
      repository: null,
      outputDir: '/tmp/r/member-audit'
    })
  })

  test('GHES URLs, an issue token, and dry-run spellings the runner accepts', () => {
    const s = readSettings({
      INPUT_TOKEN: 'abc',
      'INPUT_ISSUE-TOKEN': 'xyz',
      'INPUT_DRY-RUN': 'True',
      GITHUB_API_URL: 'https://ghe.example.com/api/v3/',
      GITHUB_SERVER_URL: 'https://ghe.example.com',
      GITHUB_REPOSITORY: 'o/r'
    })
    expect(s).toMatchObject({
      issueToken: 'xyz',
      dryRun: true,
      apiUrl: 'https://ghe.example.com/api/v3',
      serverUrl: 'https://ghe.example.com',
      repository: 'o/r'
    })
  })

  test.each([['maybe'], ['yes'], ['1']])('dry-run: %s is refused by name', (value) => {
    expect(() => readSettings({ INPUT_TOKEN: 'abc', 'INPUT_DRY-RUN': value })).toThrow(
      new InputError(`Input "dry-run" must be true or false, not "${value}".`)
    )
  })
})
