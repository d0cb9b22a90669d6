import { useState } from 'react';
import { deleteMember, listMembers, updateMember } from '../../api/team.ts';
import type { MemberRole, TeamMember } from '../../api/types.ts';
import { useSession } from '../../features/session/session-context.ts';
import { describeError } from '../../lib/form-errors.ts';
import { formatDate } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { PlusIcon } from '../../ui/icons.tsx';
import { Select } from '../../ui/Select.tsx';
import { LoadingBlock } from '../../ui/Spinner.tsx';
import { useToast } from '../../ui/Toast.tsx';
import { AdminPageHeader } from '../admin-layout/AdminPageHeader.tsx';
import { LoadError } from '../admin-layout/LoadError.tsx';
import { AddMemberDialog } from './AddMemberDialog.tsx';
import { roleOptions } from './roles.ts';

export function MembersAdminPage() {
  const { me } = useSession();
  const toast = useToast();
  const { data, error, isLoading, setData, reload } = useAsync((signal) => listMembers(signal).then((page) => page.items), []);
  const [isAdding, setIsAdding] = useState(false);
  const [removing, setRemoving] = useState<TeamMember | null>(null);
  const [savingId, setSavingId] = useState<string | null>(null);
  const members = data ?? [];

  const replace = (member: TeamMember) => setData((current = []) => current.map((item) => (item.id === member.id ? member : item)));

  const changeRole = async (member: TeamMember, role: MemberRole) => {
    setSavingId(member.id);
    try {
      replace(await updateMember(member.id, { role }));
      toast.show({ tone: 'success', message: `${member.name} is now ${role === 'admin' ? 'an' : 'a'} ${role}` });
    } catch (reason) {
      toast.show({ tone: 'error', message: `Role not changed. ${describeError(reason)}` });
    } finally {
      setSavingId(null);
    }
  };

  const remove = async (member: TeamMember) => {
    await deleteMember(member.id);
    setData((current = []) => current.filter((item) => item.id !== member.id));
    toast.show({ message: `${member.name} was removed from the team` });
  };

  return (
    <>
      <AdminPageHeader
        title="Members"
        description="People on your team who can sign in to the admin."
        actions={
          <Button variant="primary" onClick={() => setIsAdding(true)}>
            <PlusIcon size={16} /> Add member
          </Button>
        }
      />
      <section className="card table-wrap">
        {isLoading && !data ? <LoadingBlock /> : null}
        {error ? <LoadError error={error} onRetry={reload} /> : null}
        {members.length > 0 ? (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col">Role</th>
                <th scope="col">Joined</th>
                <th scope="col"><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
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
                  <td>
                    <div className="table__actions">
                      <Button size="sm" variant="ghost" onClick={() => setRemoving(member)} aria-label={`Remove ${member.name}`}>
                        Remove
                      </Button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      <AddMemberDialog
        isOpen={isAdding}
        onClose={() => setIsAdding(false)}
        onAdded={(member) => {
          setData((current = []) => [...current, member]);
          setIsAdding(false);
          toast.show({ tone: 'success', message: `${member.name} was added` });
        }}
      />
      <ConfirmDialog
        isOpen={removing !== null}
        title={`Remove ${removing?.name ?? ''}?`}
        message="They lose access to the admin immediately. Their comments and status changes stay."
        confirmLabel="Remove member"
        onConfirm={() => (removing ? remove(removing) : Promise.resolve())}
        onClose={() => setRemoving(null)}
      />
    </>
  );
}
