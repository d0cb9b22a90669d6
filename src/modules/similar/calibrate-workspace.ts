import type { DbOrTx } from '../../db/database.ts';
import { calibrate, DEFAULT_OPTIONS, type EngineOptions, type LabelledPair } from './engine/index.ts';
import { listDecisions, saveCalibration } from './similar.repo.ts';
import { readPostsById } from './similar-index.repo.ts';
import type { SimilarIndexes } from './similar-indexes.ts';
import { storableOptions } from './stored-options.ts';

/** The newest decisions of each kind taken into account (bounds the job's time). */
export const MAX_DECISIONS = 300;

export type CalibrationResult = { decisions: number; options: EngineOptions | null };

/**
 * Learns the workspace's ranking options from its own decisions: every merge in force is a
 * duplicate pair, every "not a duplicate" a non-duplicate (engine `calibrate`). Always starts from
 * the engine defaults, so the result depends on the decisions only, not on earlier runs. The options
 * are stored per workspace; every process applies them on its next catch-up.
 */
export async function calibrateWorkspace(db: DbOrTx, indexes: SimilarIndexes, workspaceId: string): Promise<CalibrationResult> {
  const index = await indexes.ready(workspaceId, { fresh: true });
  const decisions = await listDecisions(db, workspaceId, MAX_DECISIONS);
  const ids = [...new Set(decisions.flatMap((d) => [d.a, d.b]))];
  const posts = new Map((await readPostsById(db, workspaceId, ids)).map((p) => [p.id, p]));
  const pairs: LabelledPair[] = [];
  for (const d of decisions) {
    const a = posts.get(d.a);
    const b = posts.get(d.b);
    if (!a || !b) continue;
    // judged as when the newer post was written, the way a new post is checked
    pairs.push(a.createdAt >= b.createdAt ? d : { a: d.b, b: d.a, duplicate: d.duplicate });
  }
  const engine = index.engine;
  // Merged sources (and deleted posts) are not in the index; they join it only for this synchronous
  // block, so no search can see them.
  const visiting = [...posts.values()].filter((p) => !engine.has(p.id));
  let options: EngineOptions;
  const serving = engine.options();
  try {
    for (const p of visiting) engine.add({ id: p.id, title: p.title, body: p.body, createdAt: p.createdAt });
    engine.configure(DEFAULT_OPTIONS);
    options = calibrate(engine, pairs);
  } finally {
    engine.configure(serving);
    for (const p of visiting) engine.remove(p.id);
  }
  const learned = pairs.some((p) => p.duplicate) ? options : null;
  await saveCalibration(db, workspaceId, learned === null ? null : storableOptions(learned), pairs.length);
  await index.sync(db);
  return { decisions: pairs.length, options: learned };
}
