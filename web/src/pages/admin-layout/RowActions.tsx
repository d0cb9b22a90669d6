import { Button } from '../../ui/Button.tsx';

type RowAction = { label: string; onClick: () => void };

// The trailing cell of an admin table row (under the hidden "Actions" heading `CollectionTable` adds); each
// button gets an accessible name that includes the row's subject.
export function RowActions({ subject, actions }: { subject: string; actions: RowAction[] }) {
  return (
    <td className="table__actions-cell">
      <div className="table__actions">
        {actions.map((action) => (
          <Button key={action.label} size="sm" variant="ghost" onClick={action.onClick} aria-label={`${action.label} ${subject}`}>
            {action.label}
          </Button>
        ))}
      </div>
    </td>
  );
}

/** The usual pair of a `useAdminCollection` row: Edit opens the form dialog, Delete asks for a confirmation. */
export function editAndDeleteActions<T>(collection: { openForm: (item: T) => void; askDelete: (item: T) => void }, item: T): RowAction[] {
  return [
    { label: 'Edit', onClick: () => collection.openForm(item) },
    { label: 'Delete', onClick: () => collection.askDelete(item) },
  ];
}
