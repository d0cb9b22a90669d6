import { useState } from 'react';
import type { DependencyList } from 'react';
import { useAsync } from '../../lib/use-async.ts';

type Item = { id: string };

type AdminCollectionOptions = {
  /** The inputs of `load` (a search query…): the list loads again when one changes. */
  deps?: DependencyList;
  /** Where a new item goes: at the end (default) or at the start, as the server orders the list. */
  insertAt?: 'start' | 'end';
};

// The state every admin list page keeps (boards, tags, members, webhooks…): the loaded items, the item in
// the form dialog (null = creating), the item waiting for a delete confirmation, and local updates after a
// save or delete so the list does not reload.
export function useAdminCollection<T extends Item>(
  load: (signal: AbortSignal) => Promise<{ items: T[] }>,
  remove: (item: T) => Promise<unknown>,
  { deps = [], insertAt = 'end' }: AdminCollectionOptions = {},
) {
  const list = useAsync((signal) => load(signal).then((page) => page.items), deps);
  const [editing, setEditing] = useState<T | null>(null);
  const [isFormOpen, setIsFormOpen] = useState(false);
  const [deleting, setDeleting] = useState<T | null>(null);

  /** Replaces the item in place, or adds a new one. */
  const upsert = (item: T) =>
    list.setData((current = []) => {
      if (current.some((x) => x.id === item.id)) return current.map((x) => (x.id === item.id ? item : x));
      return insertAt === 'start' ? [item, ...current] : [...current, item];
    });
  // Forgetting the edited item remounts the (keyed) form, so reopening it after Cancel shows the stored values.
  const closeForm = () => {
    setIsFormOpen(false);
    setEditing(null);
  };

  return {
    ...list,
    items: list.data ?? [],
    editing,
    isFormOpen,
    deleting,
    upsert,
    openForm(item: T | null) {
      setEditing(item);
      setIsFormOpen(true);
    },
    closeForm,
    /** After the form saved: upsert the item and close the form. */
    saved(item: T) {
      upsert(item);
      closeForm();
    },
    askDelete(item: T) {
      setDeleting(item);
    },
    cancelDelete() {
      setDeleting(null);
    },
    /** Runs the delete the confirm dialog asked for and drops the item from the list. */
    async confirmDelete(): Promise<T | null> {
      const item = deleting;
      if (!item) return null;
      await remove(item);
      list.setData((current = []) => current.filter((x) => x.id !== item.id));
      return item;
    },
  };
}
