// `backboard serve --demo`: a living board for newcomers (boards, ~200 posts, votes, comments,
// companies). Deterministic, so screenshots and docs stay comparable. Only seeds an empty workspace.
import { sql } from 'kysely';
import { withTransaction, type Db } from '../../db/database.ts';
import { BOARDS, BUG_PHRASINGS, COMMENTS, COMPANIES, FIRST_NAMES, IDEAS, INTERNAL_PHRASINGS, LAST_NAMES, lowerFirst, PHRASINGS, STATUS_MESSAGES, TAG_RULES, TAGS, TEAM_REPLIES } from './demo-content.ts';
import { recountWorkspace } from './recount-workspace.ts';

function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type DemoSummary = { boards: number; posts: number; votes: number; comments: number };

const PEOPLE = 400;
const SELF_SERVE = 'Self-serve';
/** People per company: big accounts have more users on the board. */
const PEOPLE_BY_SEGMENT: Record<string, number> = { Enterprise: 10, 'Mid-market': 5, SMB: 2 };

function shuffle<T>(items: T[], rand: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** `count` distinct indexes of 0..n-1, each drawn with the given weight (Efraimidis–Spirakis keys). */
function weightedSample(n: number, count: number, weight: (index: number) => number, rand: () => number): number[] {
  const keyed = Array.from({ length: n }, (_, index) => ({ index, key: Math.pow(rand(), 1 / weight(index)) }));
  return keyed.sort((a, b) => b.key - a.key).slice(0, count).map((k) => k.index);
}

export async function seedDemo(db: Db, workspaceId: string, opts: { targetPosts?: number; now?: Date } = {}): Promise<DemoSummary | null> {
  const rand = prng(42);
  const pick = <T>(items: T[]): T => items[Math.floor(rand() * items.length)];
  const now = (opts.now ?? new Date()).getTime();
  const targetPosts = opts.targetPosts ?? 200;

  return withTransaction(db, async (tx) => {
    const existing = await tx.selectFrom('boards').select('id').where('workspace_id', '=', workspaceId).limit(1).executeTakeFirst();
    if (existing) return null;
    const statuses = await tx.selectFrom('statuses').selectAll().where('workspace_id', '=', workspaceId).orderBy('position').execute();
    const companies = await tx.insertInto('companies')
      .values(COMPANIES.map((c) => ({ workspace_id: workspaceId, name: c.name, domain: c.domain, monthly_revenue: c.monthlyRevenue, segment: c.segment })))
      .returning(['id', 'domain']).execute();
    // Most people are self-serve users without a company; a few at each of the 12 companies (more at
    // the big accounts), so posts differ in which companies, and how much revenue, ask for them.
    const employed = COMPANIES.flatMap((c, index) => Array<number>(PEOPLE_BY_SEGMENT[c.segment] ?? 2).fill(index));
    const companyIndexes = shuffle([...employed, ...Array<null>(PEOPLE - employed.length).fill(null)], rand);
    const people = await tx.insertInto('people').values(companyIndexes.map((companyIndex, i) => {
      const first = FIRST_NAMES[i % FIRST_NAMES.length];
      const last = LAST_NAMES[(i * 7) % LAST_NAMES.length];
      const company = companyIndex === null ? null : companies[companyIndex];
      const domain = company?.domain ?? 'mail.example';
      return {
        workspace_id: workspaceId, name: `${first} ${last}`,
        email: `${first}.${last}.${i}@${domain}`.toLowerCase().replace(/\s+/g, ''), company_id: company?.id ?? null,
      };
    })).returning('id').execute();
    const segmentOf = (personIndex: number) => {
      const companyIndex = companyIndexes[personIndex];
      return companyIndex === null ? SELF_SERVE : COMPANIES[companyIndex].segment;
    };
    const boards = await tx.insertInto('boards').values(BOARDS.map((b) => ({ workspace_id: workspaceId, ...b }))).returning(['id', 'slug', 'visibility']).execute();
    const tags = await tx.insertInto('tags').values(TAGS.map((t) => ({ workspace_id: workspaceId, ...t }))).returning(['id', 'name']).execute();
    const tagFor = (title: string) => {
      const name = TAG_RULES.find(([pattern]) => pattern.test(title))?.[1];
      return tags.find((t) => t.name === name)?.id;
    };

    const ideas = boards.flatMap((b) => IDEAS[b.slug].map(([title, body]) => ({ boardId: b.id, isBug: b.slug === 'bugs', isInternal: b.visibility === 'private', title, body })));
    const postRows = [];
    for (let i = 0; i < targetPosts; i++) {
      const idea = ideas[i % ideas.length];
      const round = Math.floor(i / ideas.length);
      const phrasings = idea.isBug ? BUG_PHRASINGS : idea.isInternal ? INTERNAL_PHRASINGS : PHRASINGS;
      const title = phrasings[round % phrasings.length](idea.title);
      // older posts have had more time to move along the workflow
      const ageDays = Math.floor(rand() * 180);
      const statusIdx = ageDays > 120 ? Math.floor(rand() * statuses.length) : ageDays > 40 ? Math.floor(rand() * 4) : Math.floor(rand() * 2);
      postRows.push({
        workspace_id: workspaceId, board_id: idea.boardId, title, body: idea.body,
        author_person_id: pick(people).id, status_id: statuses[statusIdx].id, statusIdx,
        source: pick(['portal', 'portal', 'portal', 'email', 'slack', 'intercom']),
        created_at: new Date(now - ageDays * 86_400_000 - Math.floor(rand() * 86_400_000)),
      });
    }
    const posts = await tx.insertInto('posts').values(postRows.map(({ statusIdx: _, ...row }) => row)).returning(['id', 'created_at', 'title']).execute();

    // each post's way to its status, as the team moved it (the workflow in order; declined straight away);
    // what customers asked for and got is gathered per idea for the changelog (not the internal backlog)
    const statusChanges = [];
    const shippedByIdea = new Map<number, { at: Date; postIds: string[] }>();
    for (const [i, post] of posts.entries()) {
      const target = postRows[i].statusIdx;
      if (target === 0) continue;
      const path = statuses[target].kind === 'declined' ? [0, target] : Array.from({ length: target + 1 }, (_, k) => k);
      const span = now - post.created_at.getTime();
      for (let step = 1; step < path.length; step++) {
        const to = statuses[path[step]];
        const messages = STATUS_MESSAGES[to.kind] ?? [];
        const at = new Date(post.created_at.getTime() + Math.floor((span * (step - 1 + rand())) / (path.length - 1)));
        statusChanges.push({
          workspace_id: workspaceId, post_id: post.id, from_status_id: statuses[path[step - 1]].id, to_status_id: to.id,
          message: messages.length && rand() < 0.6 ? pick(messages) : null, created_at: at,
        });
        const ideaIndex = i % ideas.length;
        if (to.kind === 'shipped' && !ideas[ideaIndex].isInternal) {
          const shipped = shippedByIdea.get(ideaIndex) ?? { at, postIds: [] };
          if (at > shipped.at) shipped.at = at;
          shipped.postIds.push(post.id);
          shippedByIdea.set(ideaIndex, shipped);
        }
      }
    }
    if (statusChanges.length) await tx.insertInto('status_changes').values(statusChanges).execute();

    // the changelog: one entry per idea, when it shipped, linked to every post that asked for it (rephrasings too)
    const announced = [...shippedByIdea.entries()].sort(([, a], [, b]) => b.at.getTime() - a.at.getTime()).slice(0, 8);
    for (const [ideaIndex, { at, postIds }] of announced) {
      const idea = ideas[ideaIndex];
      const entry = await tx.insertInto('changelog_entries').values({
        workspace_id: workspaceId,
        title: idea.isBug ? `Fixed: ${lowerFirst(idea.title)}` : `${idea.title} is here`,
        body: idea.isBug
          ? `${idea.title}: this is fixed for everyone. Thanks for the reports, they made it quick to reproduce.`
          : `**${idea.title}** is live for everyone. You asked:\n\n> ${idea.body}\n\nThanks to everyone who voted for it — tell us what you think.`,
        type: idea.isBug ? 'fixed' : 'new', state: 'published', published_at: at, first_published_at: at, created_at: at, updated_at: at,
      }).returning('id').executeTakeFirstOrThrow();
      await tx.insertInto('changelog_entry_posts').values(postIds.map((postId, position) => ({ entry_id: entry.id, post_id: postId, position }))).execute();
    }

    const votes = [];
    const comments = [];
    const postTags = [];
    for (const [i, post] of posts.entries()) {
      // a few ideas attract most of the demand, as on real boards
      const voteTotal = Math.min(people.length, Math.floor(Math.pow(rand(), 3) * 90) + (i % 7 === 0 ? 25 : 0));
      // each idea appeals most to one kind of customer: its voters come mostly from that segment
      const favoured = pick([...new Set(COMPANIES.map((c) => c.segment)), SELF_SERVE]);
      const voters = weightedSample(people.length, voteTotal, (p) => (segmentOf(p) === favoured ? 8 : 1), rand);
      for (const voter of voters) {
        const ageMs = now - post.created_at.getTime();
        votes.push({
          workspace_id: workspaceId, post_id: post.id, person_id: people[voter].id,
          importance: Math.floor(rand() * 4), created_at: new Date(post.created_at.getTime() + Math.floor(rand() * ageMs)),
        });
      }
      for (let c = 0, n = Math.floor(rand() * 4); c < n; c++) {
        comments.push({ workspace_id: workspaceId, post_id: post.id, author_person_id: pick(people).id, body: pick(COMMENTS), created_at: new Date(post.created_at.getTime() + (c + 1) * 3_600_000) });
      }
      const tagId = tagFor(post.title);
      if (tagId && rand() < 0.7) postTags.push({ post_id: post.id, tag_id: tagId });
    }
    for (let i = 0; i < votes.length; i += 5000) await tx.insertInto('votes').values(votes.slice(i, i + 5000)).execute();
    if (comments.length) await tx.insertInto('comments').values(comments).execute();
    if (postTags.length) await tx.insertInto('post_tags').values(postTags).execute();
    // a few official team replies (comments without a person author)
    const replyPosts = posts.filter((_, i) => i % 9 === 0);
    if (replyPosts.length) {
      await sql`insert into comments (workspace_id, post_id, body, created_at)
        select ${workspaceId}::uuid, p.id, r.body, p.created_at + interval '2 days'
        from unnest(${replyPosts.map((p) => p.id)}::uuid[]) with ordinality as p_ids(id, n)
        join posts p on p.id = p_ids.id
        join unnest(${replyPosts.map((_, i) => TEAM_REPLIES[i % TEAM_REPLIES.length])}::text[]) with ordinality as r(body, n) on r.n = p_ids.n`.execute(tx);
    }
    // people were first seen at their first post, vote or comment, not when the demo was seeded
    await sql`update people pe set created_at = first.at
      from (select person_id, min(at) as at from (
              select author_person_id as person_id, created_at as at from posts where workspace_id = ${workspaceId}
              union all select person_id, created_at from votes where workspace_id = ${workspaceId}
              union all select author_person_id, created_at from comments where workspace_id = ${workspaceId}) seen
            where person_id is not null group by person_id) first
      where pe.id = first.person_id and pe.workspace_id = ${workspaceId}`.execute(tx);
    await recountWorkspace(tx, workspaceId);
    return { boards: boards.length, posts: posts.length, votes: votes.length, comments: comments.length + replyPosts.length };
  });
}
