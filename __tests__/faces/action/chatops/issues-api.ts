import type { GitHubIssuesApi } from "../../../../src/gate/github-api.js";

/** A GitHub issues API whose methods throw "not used" unless `methods` gives them. */
export function issuesApi(methods: Partial<GitHubIssuesApi>): GitHubIssuesApi {
  const unused = (): never => {
    throw new Error("not used");
  };
  return {
    createIssue: unused,
    closeIssue: unused,
    comment: unused,
    editComment: unused,
    react: unused,
    collaboratorRole: unused,
    isTeamMember: unused,
    commentsSince: unused,
    ...methods,
  };
}
