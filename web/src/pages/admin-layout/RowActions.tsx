import { Button } from '../../ui/Button.tsx';

type RowAction = { label: string; onClick: () => void };

// The trailing buttons of an admin table row; each gets an accessible name that includes the row's subject.
export function RowActions({ subject, actions }: { subject: string; actions: RowAction[] }) {
  return (
    <div className="table__actions">
      {actions.map((action) => (
        <Button key={action.label} size="sm" variant="ghost" onClick={action.onClick} aria-label={`${action.label} ${subject}`}>
          {action.label}
        </Button>
      ))}
    </div>
  );
}
