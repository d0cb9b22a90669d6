import { useState } from 'react';
import { deleteMember, listMembers, updateMember } from '../../api/team.ts';
import type { MemberRole, TeamMember } from '../../api/types.ts';
import { useSession } from '../../features/session/session-context.ts';
import { describeError } from '../../lib/form-errors.ts';
import { formatDate } from '../../lib/format.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { PlusIcon } from '../../ui/icons.tsx';
import { Select } from '../../ui/Select.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { AdminPageHeader } from '../admin-layout/AdminPageHeader.tsx';
import { CollectionTable } from '../admin-layout/CollectionTable.tsx';
import { RowActions } from '../admin-layout/RowActions.tsx';
import { useAdminCollection } from '../admin-layout/use-admin-collection.ts';
import { AddMemberDialog } from './AddMemberDialog.tsx';
import { roleOptions } from './roles.ts';

export function MembersAdminPage() {
  const { me } = useSession();
  const toast = useToast();
  const members = useAdminCollection<TeamMember>(listMembers, (member) => deleteMember(member.id));
  const [savingId, setSavingId] = useState<string | null>(null);

  const changeRole = async (member: TeamMember, role: MemberRole) => {
    setSavingId(member.id);
    try {
      members.upsert(await updateMember(member.id, { role }));
      toast.show({ tone: 'success', message: `${member.name} is now ${role === 'admin' ? 'an' : 'a'} ${role}` });
    } catch (reason) {
      toast.show({ tone: 'error', message: `Role not changed. ${describeError(reason)}` });
    } finally {
      setSavingId(null);
    }
  };

  const onAdded = (member: TeamMember) => {
    members.saved(member);
    toast.show({ tone: 'success', message: `${member.name} was added` });
  };

  const remove = async () => {
    const removed = await members.confirmDelete();
    if (removed) toast.show({ message: `${removed.name} was removed from the team` });
  };

  return (
    <>
      <AdminPageHeader
        title="Members"
        description="People on your team who can sign in to the admin."
        actions={
          <Button variant="primary" onClick={() => members.openForm(null)}>
            <PlusIcon size={16} /> Add member
          </Button>
        }
      />
      <CollectionTable
        state={members}
        count={members.items.length}
        // Never seen in practice: whoever opens this page is a member.
        empty={{ title: 'No members yet', description: 'Add the people on your team who answer feedback.' }}
        columns={[{ label: 'Member' }, { label: 'Role' }, { label: 'Joined' }]}
      >
        {members.items.map((member) => (
          <tr key={member.id}>
            <td>
              <span className="table__primary">{member.name}</span>{' '}
              {member.id === me.member?.id ? <Badge>You</Badge> : null}
              <div className="subtle">{member.email}</div>
            </td>
            <td>
              <label className="visually-hidden" htmlFor={`role-${member.id}`}>
                Role of {member.name}
              </label>
              <Select
                id={`role-${member.id}`}
                className="table__select"
                value={member.role}
                disabled={savingId === member.id}
                onChange={(event) => void changeRole(member, event.target.value as MemberRole)}
              >
                {roleOptions.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </Select>
            </td>
            <td className="muted">{formatDate(member.createdAt)}</td>
            <RowActions subject={member.name} actions={[{ label: 'Remove', onClick: () => members.askDelete(member) }]} />
          </tr>
        ))}
      </CollectionTable>
      <AddMemberDialog isOpen={members.isFormOpen} onClose={members.closeForm} onAdded={onAdded} />
      <ConfirmDialog
        isOpen={members.deleting !== null}
        title={`Remove ${members.deleting?.name ?? ''}?`}
        message="They lose access to the admin immediately. Their comments and status changes stay."
        confirmLabel="Remove member"
        onConfirm={remove}
        onClose={members.cancelDelete}
      />
    </>
  );
}
