import { stemWord } from './porter2.ts';

// Compact, curated vocabulary for software feedback, chosen over general-purpose WordNet
// (see docs/DUPLICATES.md): WordNet's first senses are mostly wrong for this domain ("bug" →
// insect, "crash" → collision) and its 34 MB data would load into every server process.

// Spelling variants are folded into one index term (full weight, both at index and query time).
const SPELLING_VARIANTS: Array<[string, string]> = [
  ['colour', 'color'], ['behaviour', 'behavior'], ['favourite', 'favorite'], ['organisation', 'organization'],
  ['customise', 'customize'], ['initialise', 'initialize'], ['optimise', 'optimize'], ['serialise', 'serialize'],
  ['deserialise', 'deserialize'], ['licence', 'license'], ['analyse', 'analyze'], ['catalogue', 'catalog'],
  ['centre', 'center'], ['grey', 'gray'], ['dialogue', 'dialog'], ['cancelled', 'canceled'],
  ['cancelling', 'canceling'], ['recognise', 'recognize'], ['authorise', 'authorize'], ['normalise', 'normalize'],
  ['synchronise', 'synchronize'], ['utilise', 'utilize'], ['visualise', 'visualize'], ['summarise', 'summarize'],
  ['prioritise', 'prioritize'], ['localise', 'localize'], ['finalise', 'finalize'], ['minimise', 'minimize'],
  ['maximise', 'maximize'], ['honour', 'honor'], ['labelled', 'labeled'], ['modelling', 'modeling'],
  ['travelling', 'traveling'], ['signin', 'login'], ['logon', 'login'], ['signout', 'logout'], ['logoff', 'logout'],
  ['e-mail', 'email'],
];

// Groups of words that people use for the same thing; matched at reduced weight.
const SYNONYM_GROUPS: string[][] = [
  ['delete', 'remove', 'erase'],
  ['error', 'exception'],
  ['crash', 'segfault'],
  ['hang', 'freeze', 'stuck', 'unresponsive'],
  ['slow', 'sluggish', 'laggy', 'lag'],
  ['signup', 'register', 'registration'],
  ['doc', 'docs', 'documentation'],
  ['config', 'configuration'],
  ['settings', 'preferences'],
  ['email', 'mail'],
  ['notification', 'alert'],
  ['picture', 'image', 'photo'],
  ['app', 'application'],
  ['repo', 'repository'],
  ['dir', 'directory', 'folder'],
  ['msg', 'message'],
  ['auth', 'authentication'],
  ['admin', 'administrator'],
  ['db', 'database'],
  ['pwd', 'password', 'passwd'],
  ['perm', 'permission'],
  ['bug', 'defect'],
  ['mobile', 'phone', 'smartphone'],
  ['translation', 'localization', 'i18n'],
  ['accessibility', 'a11y'],
  ['k8s', 'kubernetes'],
  ['js', 'javascript'],
  ['ts', 'typescript'],
  ['py', 'python'],
  ['npe', 'nullpointerexception'],
  ['oom', 'outofmemoryerror', 'outofmemory'],
  ['ui', 'gui'],
  ['update', 'upgrade', 'bump'],
  ['dependency', 'dep', 'deps'],
  ['typo', 'misspelling', 'misspelled'],
  ['cpu', 'processor'],
  ['attachment', 'attach'],
  ['search', 'lookup'],
  ['start', 'launch'],
  ['stop', 'halt', 'terminate'],
  ['dark', 'night'],
  ['tooltip', 'hint'],
  ['shortcut', 'hotkey', 'keybinding'],
  ['url', 'link'],
  ['chart', 'graph'],
  ['calendar', 'schedule'],
  ['integration', 'plugin', 'extension', 'addon'],
];

function normalizeEntry(word: string): string {
  return stemWord(word.toLowerCase().replace(/[-_]/g, ''));
}

const VARIANT_MAP = new Map<string, string>(
  SPELLING_VARIANTS.map(([variant, canonical]) => [normalizeEntry(variant), normalizeEntry(canonical)]),
);

const SYNONYM_MAP = new Map<string, string[]>();
for (const group of SYNONYM_GROUPS) {
  const stems = [...new Set(group.map(normalizeEntry))];
  for (const stem of stems) {
    const others = stems.filter((s) => s !== stem);
    SYNONYM_MAP.set(stem, [...(SYNONYM_MAP.get(stem) ?? []), ...others]);
  }
}

/** Maps a stemmed spelling variant (British, alternative form) to its canonical term. */
export function canonicalSpelling(term: string): string {
  return VARIANT_MAP.get(term) ?? term;
}

/** Stemmed synonyms of a stemmed term (empty when none are known). */
export function synonymsOf(term: string): readonly string[] {
  return SYNONYM_MAP.get(term) ?? [];
}
