import { tokenizeText } from './tokenize.ts';

export type WordStats = { title: number; body: number; surface: string };

/** Term statistics of one post: word frequencies per field and the chain of words for phrases. */
export type Analysis = {
  words: Map<string, WordStats>;
  /** chained words in order, title then body; null marks a sentence (or field) boundary */
  chain: Array<string | null>;
  chainSurfaces: string[];
  /** number of chain entries that belong to the title (including its closing boundary) */
  titleChainLength: number;
  titleLength: number;
  bodyLength: number;
};

function addField(text: string, isTitle: boolean, out: Analysis): number {
  const tokens = tokenizeText(text);
  for (const token of tokens) {
    let stats = out.words.get(token.term);
    if (stats === undefined) {
      stats = { title: 0, body: 0, surface: token.surface };
      out.words.set(token.term, stats);
    }
    if (isTitle) stats.title++;
    else stats.body++;
    if (token.isPart) continue;
    if (token.breakBefore) {
      out.chain.push(null);
      out.chainSurfaces.push('');
    }
    out.chain.push(token.term);
    out.chainSurfaces.push(token.surface);
  }
  out.chain.push(null);
  out.chainSurfaces.push('');
  return tokens.length;
}

export function analyzePost(title: string, body: string): Analysis {
  const out: Analysis = { words: new Map(), chain: [], chainSurfaces: [], titleChainLength: 0, titleLength: 0, bodyLength: 0 };
  out.titleLength = addField(title, true, out);
  out.titleChainLength = out.chain.length;
  out.bodyLength = addField(body, false, out);
  return out;
}
