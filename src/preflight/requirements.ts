/**
 * What each check needs, by token kind: the one table the preflight's messages quote and the
 * README's "Before the first run" shows (written from here by `npm run docs`). Scopes of classic
 * tokens: docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps; fine-grained
 * and App permissions: docs.github.com/en/rest/authentication/permissions-required-for-fine-grained-personal-access-tokens.
 */
export type TokenKind = 'classic' | 'fine-grained' | 'installation'

export interface Requirement {
  check: string
  /** Which input's token it concerns. */
  input: 'token' | 'issue-token'
  needs: Record<TokenKind, string>
}

export const REQUIREMENTS = {
  members: {
    check: "List each organization's members, concealed ones included",
    input: 'token',
    needs: {
      classic: "scope read:org, and the token's account an active member of the organization",
      'fine-grained': 'resource owner: the organization; Organization permission "Members: read"',
      installation:
        'a GitHub App installed on the organization with Organization permission "Members: read" (the workflow\'s GITHUB_TOKEN has no such permission)'
    }
  },
  teams: {
    check: "Read the roster's teams",
    input: 'token',
    needs: {
      classic: 'scope read:org',
      'fine-grained': 'Organization permission "Members: read"',
      installation: 'Organization permission "Members: read"'
    }
  },
  invitations: {
    check: 'Pending and failed invitations (include.pending-invitations)',
    input: 'token',
    needs: {
      classic: "scope admin:org, and the token's account an owner of the organization",
      'fine-grained': 'Organization permission "Members: read", and the token\'s account an owner',
      installation: 'Organization permission "Members: read"'
    }
  },
  twoFactor: {
    check: 'Members without two-factor authentication (include.two-factor-disabled)',
    input: 'token',
    needs: {
      classic: "scope read:org, and the token's account an owner of the organization",
      'fine-grained': 'Organization permission "Members: read", and the token\'s account an owner',
      installation: 'Organization permission "Members: read" (GitHub answers this filter for owners only)'
    }
  },
  // List repository collaborators: "The authenticated user must have write, maintain, or admin
  // privileges on the repository"; classic tokens "need the read:org and repo scopes"
  // (docs.github.com/en/rest/collaborators/collaborators#list-repository-collaborators).
  outsideCollaborators: {
    check: 'Outside collaborators and their repositories (include.outside-collaborators)',
    input: 'token',
    needs: {
      classic: "scopes read:org and repo, and the token's account with write access to each repository",
      'fine-grained':
        'Organization permission "Members: read", Repository permission "Metadata: read", and write access to each repository',
      installation: 'Organization permission "Members: read", Repository permission "Metadata: read"'
    }
  },
  privateActivity: {
    check: 'Private activity (count-private-activity: true)',
    input: 'token',
    needs: {
      classic: 'scope repo',
      'fine-grained': 'Repository permissions "Contents" and "Metadata": read',
      installation: 'Repository permissions "Contents" and "Metadata": read'
    }
  },
  // Set, remove or convert a membership and change team memberships: "the authenticated user must
  // be an organization owner" (docs.github.com/en/rest/orgs/members#set-organization-membership-for-a-user;
  // /rest/teams/members#add-or-update-team-membership-for-a-user).
  adjust: {
    check: 'Adjust and reinstate privileges (mode: apply)',
    input: 'token',
    needs: {
      classic: "scopes admin:org and repo, and the token's account an owner of the organization",
      'fine-grained':
        'Organization permission "Members: read and write", Repository permission "Administration: read and write", and the token\'s account an owner',
      installation:
        'Organization permission "Members: read and write", Repository permission "Administration: read and write"'
    }
  },
  // The apply lock is a git reference in the tracking repository (src/adjust/lock.ts): "Create a
  // reference" and "Update a reference" take Contents: write (docs.github.com/en/rest/git/refs;
  // rest/authentication/permissions-required-for-fine-grained-personal-access-tokens).
  applyLock: {
    check: 'Hold the apply lock, a git reference in the tracking repository (mode: apply)',
    input: 'issue-token',
    needs: {
      classic: 'scope public_repo (repo for a private tracking repository), and write access to the repository',
      'fine-grained': 'Repository permission "Contents: read and write" on the tracking repository',
      installation:
        'Repository permission "Contents: read and write" (the workflow\'s GITHUB_TOKEN with "permissions: contents: write")'
    }
  },
  trackingIssue: {
    check: 'Find and write the tracking issue',
    input: 'issue-token',
    needs: {
      classic: 'scope public_repo (repo for a private tracking repository)',
      'fine-grained': 'Repository permission "Issues: read and write" on the tracking repository',
      installation:
        'Repository permission "Issues: read and write" (the workflow\'s GITHUB_TOKEN with "permissions: issues: write" will do)'
    }
  }
} satisfies Record<string, Requirement>

export const KIND_NAMES: Record<TokenKind, string> = {
  classic: 'a classic personal access token',
  'fine-grained': 'a fine-grained personal access token',
  installation: 'a GitHub App installation token'
}

/** The README's table. */
export function requirementsTable(): string {
  const rows = Object.values(REQUIREMENTS).map(
    (r: Requirement) =>
      `| ${r.check} | \`${r.input}\` | ${r.needs.classic} | ${r.needs['fine-grained']} | ${r.needs.installation} |`
  )
  return [
    '| check | input | classic token | fine-grained token | GitHub App token |',
    '|---|---|---|---|---|',
    ...rows
  ].join('\n')
}
