/** The issue's articles, by page. (Filled in by the articles work.) */
export async function IssueArticlesPanel({ issueId }: { issueId: number }) {
  void issueId;
  return null;
}
