import { Type, type Static } from 'typebox';
import { Color, Slug, Uuid } from '../../http/schemas.ts';

export const StatusKindSchema = Type.Union([
  Type.Literal('open'), Type.Literal('under_review'), Type.Literal('planned'), Type.Literal('in_progress'),
  Type.Literal('shipped'), Type.Literal('declined'), Type.Literal('duplicate'),
]);

export const StatusSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  slug: Type.String(),
  kind: StatusKindSchema,
  color: Type.String(),
  position: Type.Integer(),
  isDefault: Type.Boolean(),
});

const Name = Type.String({ minLength: 1, maxLength: 40 });

export const CreateStatusBody = Type.Object({
  name: Name,
  slug: Type.Optional(Slug),
  kind: StatusKindSchema,
  color: Type.Optional(Color),
  isDefault: Type.Optional(Type.Boolean()),
});
export type CreateStatusInput = Static<typeof CreateStatusBody>;

export const UpdateStatusBody = Type.Object({
  name: Type.Optional(Name),
  slug: Type.Optional(Slug),
  kind: Type.Optional(StatusKindSchema),
  color: Type.Optional(Color),
  /** Moves the status to this place in the list (0 = first); the others keep their order. */
  position: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
  isDefault: Type.Optional(Type.Boolean()),
}, { minProperties: 1 });
export type UpdateStatusInput = Static<typeof UpdateStatusBody>;
