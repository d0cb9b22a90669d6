import { useState } from 'react';
import { useAsync } from '../../lib/use-async.ts';

type Item = { id: string };

// The state every admin list page keeps (boards, tags, statuses…): the loaded items, the item in the
// form dialog (null = creating), the item waiting for a delete confirmation, and local updates after a
// save or delete so the list does not reload.
export function useAdminCollection<T extends Item>(load: (signal: AbortSignal) => Promise<{ items: T[] }>, remove: (item: T) => Promise<unknown>) {
  const list = useAsync((signal) => load(signal).then((page) => page.items), []);
  const [editing, setEditing] = useState<T | null>(null);
  const [isFormOpen, setIsFormOpen] = useState(false);
  const [deleting, setDeleting] = useState<T | null>(null);

  return {
    ...list,
    items: list.data ?? [],
    editing,
    isFormOpen,
    deleting,
    openForm(item: T | null) {
      setEditing(item);
      setIsFormOpen(true);
    },
    closeForm() {
      setIsFormOpen(false);
    },
    /** After the form saved: replace the item in place, or append a new one, and close the form. */
    saved(item: T) {
      list.setData((current = []) => (current.some((x) => x.id === item.id) ? current.map((x) => (x.id === item.id ? item : x)) : [...current, item]));
      setIsFormOpen(false);
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
