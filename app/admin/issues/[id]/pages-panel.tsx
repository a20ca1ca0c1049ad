/** The issue's 版面: names, 责任编辑, uploads. (Filled in by the pages work.) */
export async function IssuePagesPanel({ issueId }: { issueId: number }) {
  void issueId;
  return null;
}
