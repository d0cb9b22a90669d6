import type { IndexState } from './index-state.ts';
import { chainPairs } from './pair-sketch.ts';
import type { QueryPlan } from './query-plan.ts';

const MAX_MATCHED = 8;

/** Query phrases and words present in the candidate, most telling first: the "why" shown to people. */
export function explainMatch(state: IndexState, plan: QueryPlan, slot: number): string[] {
  const hits: Array<{ surface: string; value: number }> = [];
  const pairs = chainPairs(state.forward.chain(slot));
  for (const phrase of plan.phrases) {
    if (phrase.surface !== '' && pairs.has(phrase.key)) hits.push({ surface: phrase.surface, value: phrase.weight * phrase.idf });
  }
  for (const term of [...plan.words, ...plan.expansions]) {
    if (term.surface !== '' && state.forward.tfOf(slot, term.id) >= 0) hits.push({ surface: term.surface, value: term.weight * term.idf });
  }
  hits.sort((a, b) => b.value - a.value);
  const out: string[] = [];
  const covered = new Set<string>();
  for (const hit of hits) {
    if (covered.has(hit.surface)) continue;
    // A phrase already explains its words; listing them again adds nothing.
    for (const part of hit.surface.split(' ')) covered.add(part);
    covered.add(hit.surface);
    out.push(hit.surface);
    if (out.length === MAX_MATCHED) break;
  }
  return out;
}
