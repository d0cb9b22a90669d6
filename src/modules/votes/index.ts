export { voteForPost, createVoteWriter, type VoteWriter } from './vote-for-post.ts';
export { removeVote } from './remove-vote.ts';
export { listVotes } from './list-votes.ts';
export { presentVote, type VoteJson, type VoteResult } from './votes.present.ts';
