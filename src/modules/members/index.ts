export { listMembers } from './list-members.ts';
export { createMember } from './create-member.ts';
export { updateMember } from './update-member.ts';
export { deleteMember } from './delete-member.ts';
export { canManageOwners } from './members.policy.ts';
export { presentMember, type MemberJson } from './members.present.ts';
