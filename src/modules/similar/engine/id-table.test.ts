import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createRandom } from '../eval/synthetic-corpus.ts';
import { IdTable } from './id-table.ts';

function uuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

describe('id table', () => {
  test('behaves like a map from ids to numbers through growth and deletions', () => {
    const random = createRandom(11);
    const table = new IdTable();
    const model = new Map<string, number>();
    const known: string[] = [];
    let next = 0;
    for (let step = 0; step < 20_000; step++) {
      const roll = random();
      if (roll < 0.6 || known.length === 0) {
        // mostly uuids, as in the product; some ids of other shapes, which must round-trip unchanged
        const id = roll < 0.55 ? uuid(random) : roll < 0.58 ? uuid(random).toUpperCase() : `post-${step}`;
        table.set(id, next);
        model.set(id, next++);
        known.push(id);
      } else {
        const id = known[Math.floor(random() * known.length)];
        assert.equal(table.delete(id), model.get(id));
        model.delete(id);
      }
    }
    assert.equal(table.size, model.size);
    for (const id of known) {
      assert.equal(table.get(id), model.get(id));
      assert.equal(table.has(id), model.has(id));
      const n = model.get(id);
      if (n !== undefined) assert.equal(table.idOf(n), id);
    }
    assert.deepEqual(new Map(table.entries()), model);
  });

  test('a dead number has no id, and an unknown id no number', () => {
    const table = new IdTable();
    const id = '0b9e7c1a-4f2d-4c3b-9a8e-1d2c3b4a5f6e';
    table.set(id, 3);
    assert.equal(table.idOf(3), id);
    assert.equal(table.get('0b9e7c1a-4f2d-4c3b-9a8e-1d2c3b4a5f6f'), undefined);
    assert.equal(table.idOf(2), null);
    table.delete(id);
    assert.equal(table.idOf(3), null);
    assert.equal(table.get(id), undefined);
    assert.equal(table.delete(id), undefined);
  });

  test('storing an id again moves it to the new number', () => {
    const table = new IdTable();
    for (const id of ['7f000001-0000-4000-8000-000000000001', 'legacy-id']) {
      table.set(id, 0);
      table.set(id, 5);
      assert.equal(table.get(id), 5);
      assert.equal(table.idOf(0), null);
      assert.equal(table.idOf(5), id);
      table.delete(id);
    }
    assert.equal(table.size, 0);
  });
});
