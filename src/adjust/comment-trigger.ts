/**
 * Whom a comment-triggered run acts for. GitHub puts the comment author's relation to the
 * repository in the event's payload as `author_association` (docs: webhook-events-and-payloads#issue_comment;
 * values: graphql/reference/enums#commentauthorassociation). A run started by anyone else is
 * ignored before it reads the store or writes anything: an outsider's comment must not cost a
 * write, nor stand in for the scheduled run. Pure.
 *
 * Known quirk: a member whose organization membership is concealed is reported as CONTRIBUTOR or
 * NONE, not MEMBER (github.com/actions/github-script/issues/643). Such an approver's command is
 * not lost: the next scheduled run reads every comment not yet read, and the approver rule
 * (approvers.ts) decides there. The association never grants anything by itself.
 */
const TRUSTED_ASSOCIATIONS: readonly string[] = ['OWNER', 'MEMBER', 'COLLABORATOR']

/** Why a comment-triggered run with this association is ignored, or null when it may go on. */
export function untrustedTrigger(association: string | null | undefined): string | null {
  if (association && TRUSTED_ASSOCIATIONS.includes(association)) return null
  return `The comment that started this run is by an account that is not an owner, member or collaborator of the repository (author_association ${association ?? 'missing'}): ignored, nothing read or written. An approver's command in it is still read by the next scheduled run.`
}
