import { Type, type Static } from 'typebox';
import { Slug, Timestamp, Uuid } from '../../http/schemas.ts';

export const Visibility = Type.Union([Type.Literal('public'), Type.Literal('private')]);

export const BoardSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  slug: Type.String(),
  description: Type.String(),
  visibility: Visibility,
  postCount: Type.Integer(),
  createdAt: Timestamp,
}, { $id: 'Board' });

export const CreateBoardBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 80 }),
  slug: Type.Optional(Slug),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  visibility: Type.Optional(Visibility),
});
export type CreateBoardInput = Static<typeof CreateBoardBody>;

export const UpdateBoardBody = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
  slug: Type.Optional(Slug),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  visibility: Type.Optional(Visibility),
}, { minProperties: 1 });
export type UpdateBoardInput = Static<typeof UpdateBoardBody>;

export const BoardRefParams = Type.Object({ idOrSlug: Type.String({ minLength: 1, maxLength: 60 }) });
