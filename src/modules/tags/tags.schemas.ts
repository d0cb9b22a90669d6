import { Type, type Static } from 'typebox';
import { Color, Uuid } from '../../http/schemas.ts';

export const TagSchema = Type.Object({ id: Uuid, name: Type.String(), color: Type.String() });

const Name = Type.String({ minLength: 1, maxLength: 40 });

export const CreateTagBody = Type.Object({ name: Name, color: Type.Optional(Color) });
export type CreateTagInput = Static<typeof CreateTagBody>;

export const UpdateTagBody = Type.Object({ name: Type.Optional(Name), color: Type.Optional(Color) }, { minProperties: 1 });
export type UpdateTagInput = Static<typeof UpdateTagBody>;
