// Unsent feedback survives the magic-link round trip (the link usually opens in a new tab), so a
// visitor who had to confirm their email does not have to type their post again.

export type PostDraft = { title: string; body: string };

const key = (boardId: string) => `backboard:draft:${boardId}`;

export function readDraft(boardId: string): PostDraft | null {
  try {
    const raw = window.localStorage.getItem(key(boardId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<PostDraft>;
    return { title: String(parsed.title ?? ''), body: String(parsed.body ?? '') };
  } catch {
    return null;
  }
}

export function writeDraft(boardId: string, draft: PostDraft): void {
  try {
    window.localStorage.setItem(key(boardId), JSON.stringify(draft));
  } catch {
    // Storage can be full or disabled (private mode); losing a draft is acceptable.
  }
}

export function clearDraft(boardId: string): void {
  try {
    window.localStorage.removeItem(key(boardId));
  } catch {
    // See writeDraft.
  }
}
