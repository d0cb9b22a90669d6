// English function words that carry no topic: dropped before indexing and querying. Contractions
// appear without their apostrophe because the tokenizer removes it ("don't" → "dont").
const WORDS = `
a about above after again against all am an and any are as at be because been before being below
between both but by can cannot could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just let me
more most my myself no nor not of off on once only or other ought our ours ourselves out over own same
she should so some such than that the their theirs them themselves then there these they this those
through to too under until up very was we were what when where which while who whom why will with
would you your yours yourself yourselves also etc eg ie via yet still us
dont doesnt didnt isnt arent wasnt werent cant couldnt wont wouldnt shouldnt hasnt havent hadnt
im ive youre youve theyre theyve weve thats whats theres lets
`;

export const STOP_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((w) => w.length > 0));

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}
