import { Type, type Static } from 'typebox';
import { Uuid } from '../../http/schemas.ts';

export const WorkspaceSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  slug: Type.String(),
  allowAnonymous: Type.Boolean({ description: 'End users may vote and post with just name and email' }),
}, { $id: 'Workspace' });

export const UpdateWorkspaceBody = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' })),
  allowAnonymous: Type.Optional(Type.Boolean()),
}, { minProperties: 1 });
export type UpdateWorkspaceInput = Static<typeof UpdateWorkspaceBody>;
