import type { MemberRole } from '../../api/types.ts';

export const roleOptions: Array<{ value: MemberRole; label: string; description: string }> = [
  { value: 'member', label: 'Member', description: 'Members triage posts, vote on behalf of customers and write internal comments.' },
  { value: 'admin', label: 'Admin', description: 'Admins also manage boards, statuses, tags, members, API keys and settings.' },
  { value: 'owner', label: 'Owner', description: 'Owners have every permission and cannot be removed by admins.' },
];
