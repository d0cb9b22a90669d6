import { Type, type Static } from 'typebox';
import { Email, Timestamp, Uuid } from '../../http/schemas.ts';
import { PersonRefSchema } from '../posts/index.ts';

const Importance = Type.Integer({ minimum: 0, maximum: 3 });

export const VoteBody = Type.Object({
  /** The customer the team votes for; end users vote as themselves and leave it out. */
  voter: Type.Optional(PersonRefSchema),
  /** How much it matters to the voter: 0 nice to have … 3 critical. A repeated vote updates it. */
  importance: Type.Optional(Importance),
});
export type VoteInput = Static<typeof VoteBody>;

export const UnvoteQuery = Type.Object({
  /** Whose vote the team removes; end users remove their own and leave it out. */
  email: Type.Optional(Email),
});
export type UnvoteInput = Static<typeof UnvoteQuery>;

export const VoteResultSchema = Type.Object({ voteCount: Type.Integer(), hasVoted: Type.Boolean() });

export const ListVotesQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  cursor: Type.Optional(Type.String({ maxLength: 500 })),
});
export type ListVotesInput = Static<typeof ListVotesQuery>;

const Ref = Type.Object({ id: Uuid, name: Type.String() });

export const VoteSchema = Type.Object({
  id: Uuid,
  person: Type.Object({ id: Uuid, name: Type.String(), email: Type.String(), company: Type.Union([Ref, Type.Null()]) }),
  importance: Importance,
  votedBy: Type.Union([Ref, Type.Null()]),
  createdAt: Timestamp,
  /** Set on the voters of a post others were merged into: the merged post this person voted on instead. */
  viaPostId: Type.Union([Uuid, Type.Null()]),
});
