/**
 * A user's role on a GitHub repository, lowest first. These are GitHub's base roles; a custom
 * role counts as the base role it inherits from (`user.permissions` says which).
 */
export const REPOSITORY_ROLES = ["none", "read", "triage", "write", "maintain", "admin"] as const;
export type RepositoryRole = (typeof REPOSITORY_ROLES)[number];

/** The roles an approval or a ChatOps command may require: pushing to the repository or more. */
export const MINIMUM_ROLES = ["write", "maintain", "admin"] as const;
export type MinimumRole = (typeof MINIMUM_ROLES)[number];

/** Pure: whether `role` is `minimum` or higher (`maintain` meets `write`, `triage` does not). */
export function roleMeets(role: RepositoryRole, minimum: MinimumRole): boolean {
  return REPOSITORY_ROLES.indexOf(role) >= REPOSITORY_ROLES.indexOf(minimum);
}

/** Pure: the lower of two roles (used when GitHub's answers disagree: fail closed). */
export function lowerRole(a: RepositoryRole, b: RepositoryRole): RepositoryRole {
  return REPOSITORY_ROLES.indexOf(a) <= REPOSITORY_ROLES.indexOf(b) ? a : b;
}
