import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { editDistance, TrigramIndex } from './fuzzy.ts';
import { canonicalSpelling, synonymsOf } from './synonyms.ts';
import { tokenizeText } from './tokenize.ts';

const terms = (text: string): string[] => tokenizeText(text).map((t) => t.term);
const mainTerms = (text: string): string[] => tokenizeText(text).filter((t) => !t.isPart).map((t) => t.term);

describe('tokenizeText', () => {
  test('stems words and drops stop words', () => {
    assert.deepEqual(terms('The exports are failing when I click on it'), ['export', 'fail', 'click']);
  });

  test('keeps identifiers whole and also splits them', () => {
    assert.deepEqual(terms('NullPointerException'), ['nullpointerexcept', 'null', 'pointer', 'except']);
    const dotted = terms('org.apache.hadoop.hdfs.DFSClient');
    assert.equal(dotted[0], 'org.apache.hadoop.hdfs.dfsclient');
    for (const part of ['apach', 'hadoop', 'hdfs', 'dfsclient', 'dfs', 'client']) assert.ok(dotted.includes(part), part);
  });

  test('snake_case, kebab-case and camelCase spellings of a name meet', () => {
    const whole = (text: string): string => mainTerms(text)[0];
    assert.equal(whole('max_connections'), whole('maxConnections'));
    assert.equal(whole('MAX-CONNECTIONS'), whole('maxConnections'));
    assert.ok(terms('max_connections').includes('connect'));
  });

  test('keeps versions, error codes and numbers', () => {
    assert.deepEqual(terms('upgrade to v2.7.3'), ['upgrad', '2.7.3', '2.7']);
    assert.ok(terms('fails on hadoop-2.7.3').includes('2.7.3'));
    assert.deepEqual(terms('HTTP-404 and ERR_CONNECTION_REFUSED'), ['http404', 'http', '404', 'errconnectionrefus', 'err', 'connect', 'refus']);
    assert.deepEqual(terms('error 0x80070005 code 500'), ['error', '0x80070005', 'code', '500']);
  });

  test('ignores dates, times and over-long tokens as whole terms', () => {
    assert.deepEqual(terms('2005-06-22 12:55:44'), ['2005']);
    assert.deepEqual(terms('a'.repeat(60)), []);
  });

  test('folds accents and spelling variants; splits CJK into character bigrams', () => {
    assert.deepEqual(terms('café colour'), ['cafe', 'color']);
    assert.deepEqual(terms('日本語'), ['日本', '本語']);
  });

  test('marks sentence boundaries so phrases do not span them', () => {
    const tokens = tokenizeText('export fails. import works');
    assert.deepEqual(tokens.map((t) => t.breakBefore), [false, false, true, false]);
  });

  test('possessives and contractions', () => {
    assert.deepEqual(terms("user's settings don't save"), ['user', 'set', 'save']);
  });
});

describe('synonyms and spelling variants', () => {
  test('map to stemmed canonical terms', () => {
    assert.equal(canonicalSpelling('behaviour'), 'behavior');
    assert.ok(synonymsOf('delet').includes('remov'));
    assert.deepEqual(synonymsOf('unknownword'), []);
  });
});

describe('typo tolerance', () => {
  test('editDistance counts transpositions as one edit and stops past the budget', () => {
    assert.equal(editDistance('notification', 'notifiaction', 2), 1);
    assert.equal(editDistance('export', 'exprot', 1), 1);
    assert.equal(editDistance('export', 'import', 1), 2);
  });

  test('TrigramIndex finds known words within the typo budget', () => {
    const index = new TrigramIndex();
    const words = ['notification', 'notify', 'serverless', 'server', 'dashboard'];
    words.forEach((w, i) => index.add(w, i));
    const near = (w: string): string[] => index.near(w, (id) => words[id]).map(([id]) => words[id]);
    assert.deepEqual(near('notifcation'), ['notification']);
    assert.deepEqual(near('severless'), ['serverless']);
    assert.deepEqual(near('dashbord'), ['dashboard']);
    assert.deepEqual(near('zzzz'), []);
  });
});
