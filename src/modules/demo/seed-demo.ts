// `backboard serve --demo`: a living board for newcomers (boards, ~200 posts, votes, comments,
// companies). Deterministic, so screenshots and docs stay comparable. Only seeds an empty workspace.
import { sql } from 'kysely';
import { withTransaction, type Db } from '../../db/database.ts';
import { BOARDS, COMMENTS, COMPANIES, FIRST_NAMES, IDEAS, LAST_NAMES, PHRASINGS, TAG_RULES, TAGS, TEAM_REPLIES } from './demo-content.ts';
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
    const people = await tx.insertInto('people').values(Array.from({ length: 120 }, (_, i) => {
      const first = FIRST_NAMES[i % FIRST_NAMES.length];
      const last = LAST_NAMES[(i * 7) % LAST_NAMES.length];
      const company = i % 4 === 3 ? null : companies[i % companies.length];
      const domain = company?.domain ?? 'mail.example';
      return {
        workspace_id: workspaceId, name: `${first} ${last}`,
        email: `${first}.${last}.${i}@${domain}`.toLowerCase().replace(/\s+/g, ''), company_id: company?.id ?? null,
      };
    })).returning('id').execute();
    const boards = await tx.insertInto('boards').values(BOARDS.map((b) => ({ workspace_id: workspaceId, ...b }))).returning(['id', 'slug']).execute();
    const tags = await tx.insertInto('tags').values(TAGS.map((t) => ({ workspace_id: workspaceId, ...t }))).returning(['id', 'name']).execute();
    const tagFor = (title: string) => {
      const name = TAG_RULES.find(([pattern]) => pattern.test(title))?.[1];
      return tags.find((t) => t.name === name)?.id;
    };

    const ideas = boards.flatMap((b) => IDEAS[b.slug].map(([title, body]) => ({ boardId: b.id, title, body })));
    const postRows = [];
    for (let i = 0; i < targetPosts; i++) {
      const idea = ideas[i % ideas.length];
      const round = Math.floor(i / ideas.length);
      const title = PHRASINGS[round % PHRASINGS.length](idea.title);
      // older posts have had more time to move along the workflow
      const ageDays = Math.floor(rand() * 180);
      const statusIdx = ageDays > 120 ? Math.floor(rand() * statuses.length) : ageDays > 40 ? Math.floor(rand() * 4) : Math.floor(rand() * 2);
      postRows.push({
        workspace_id: workspaceId, board_id: idea.boardId, title, body: idea.body,
        author_person_id: pick(people).id, status_id: statuses[statusIdx].id,
        source: pick(['portal', 'portal', 'portal', 'email', 'slack', 'intercom']),
        created_at: new Date(now - ageDays * 86_400_000 - Math.floor(rand() * 86_400_000)),
      });
    }
    const posts = await tx.insertInto('posts').values(postRows).returning(['id', 'created_at', 'title']).execute();

    const votes = [];
    const comments = [];
    const postTags = [];
    for (const [i, post] of posts.entries()) {
      // a few ideas attract most of the demand, as on real boards
      const voteTotal = Math.min(people.length, Math.floor(Math.pow(rand(), 3) * 90) + (i % 7 === 0 ? 25 : 0));
      const start = Math.floor(rand() * people.length);
      for (let v = 0; v < voteTotal; v++) {
        const ageMs = now - post.created_at.getTime();
        votes.push({
          workspace_id: workspaceId, post_id: post.id, person_id: people[(start + v) % people.length].id,
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
    await recountWorkspace(tx, workspaceId);
    return { boards: boards.length, posts: posts.length, votes: votes.length, comments: comments.length + replyPosts.length };
  });
}
