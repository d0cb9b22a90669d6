import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { stemWord } from './porter2.ts';

// Expected stems are taken from the Snowball project's published English vocabulary/output.
const SNOWBALL_SAMPLES: Array<[string, string]> = [
  ['consign', 'consign'], ['consigned', 'consign'], ['consignment', 'consign'], ['consistency', 'consist'],
  ['consistently', 'consist'], ['consolation', 'consol'], ['consolatory', 'consolatori'], ['consolidated', 'consolid'],
  ['consolingly', 'consol'], ['conspicuously', 'conspicu'], ['conspiracy', 'conspiraci'], ['conspirators', 'conspir'],
  ['constables', 'constabl'], ['constancy', 'constanc'], ['knackeries', 'knackeri'], ['knaves', 'knave'],
  ['kneaded', 'knead'], ['kneeling', 'kneel'], ['knightly', 'knight'], ['knitting', 'knit'], ['knives', 'knive'],
  ['knocker', 'knocker'], ['generously', 'generous'], ['communication', 'communic'], ['arsenal', 'arsenal'],
  ['running', 'run'], ['hopping', 'hop'], ['hoping', 'hope'], ['cries', 'cri'], ['ties', 'tie'], ['gas', 'gas'],
  ['gaps', 'gap'], ['kiwis', 'kiwi'], ['agreed', 'agre'], ['feed', 'feed'], ['luxuriating', 'luxuri'],
];

describe('stemWord (Porter2)', () => {
  test('matches the Snowball reference output', () => {
    for (const [word, stem] of SNOWBALL_SAMPLES) assert.equal(stemWord(word), stem, word);
  });

  test('applies the exceptional forms', () => {
    assert.equal(stemWord('skies'), 'sky');
    assert.equal(stemWord('dying'), 'die');
    assert.equal(stemWord('news'), 'news');
    assert.equal(stemWord('succeeding'), 'succeed');
    assert.equal(stemWord('inning'), 'inning');
  });

  test('conflates inflections used in feedback', () => {
    assert.equal(stemWord('crashes'), stemWord('crashing'));
    assert.equal(stemWord('notifications'), stemWord('notification'));
    assert.equal(stemWord('exporting'), stemWord('exported'));
  });

  test('leaves non-words and Object.prototype names alone', () => {
    assert.equal(stemWord('x86'), 'x86');
    assert.equal(stemWord('be'), 'be');
    assert.equal(stemWord('constructor'), 'constructor');
    assert.equal(stemWord('tostring'), 'tostr');
  });
});
