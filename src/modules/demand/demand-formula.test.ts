import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_DEMAND_SETTINGS, parseDemandSettings, scoreDemand, type DemandComponents } from './demand-formula.ts';

const components: DemandComponents = { uniqueVoters: 8, uniqueCompanies: 4, monthlyRevenue: 6800.5, importanceWeightedVotes: 11.5, momentum: 2.5496048735849683 };

describe('demand formula', () => {
  test('each contribution is weight × log2(1 + value / unit), and they sum to the score', () => {
    const { score, contributions } = scoreDemand(components, DEFAULT_DEMAND_SETTINGS);
    assert.deepEqual(contributions.map((c) => [c.key, c.value, c.normalized, c.weight, c.contribution]), [
      ['uniqueVoters', 8, 3.1699, 1, 3.1699],
      ['uniqueCompanies', 4, 2.3219, 1, 2.3219],
      ['monthlyRevenue', 6800.5, 2.9636, 1, 2.9636],
      ['importanceWeightedVotes', 11.5, 3.6439, 1, 3.6439],
      ['momentum', 2.5496, 1.8277, 0.5, 0.9139],
    ]);
    assert.equal(score, 13.0132);
    assert.ok(Math.abs(contributions.reduce((s, c) => s + c.contribution, 0) - score) < 1e-9);
  });

  test('no votes scores 0; doubling a component adds one normalized point', () => {
    const zero = { uniqueVoters: 0, uniqueCompanies: 0, monthlyRevenue: 0, importanceWeightedVotes: 0, momentum: 0 };
    assert.equal(scoreDemand(zero, DEFAULT_DEMAND_SETTINGS).score, 0);
    const one = scoreDemand({ ...zero, uniqueVoters: 1 }, DEFAULT_DEMAND_SETTINGS).contributions[0].normalized;
    const three = scoreDemand({ ...zero, uniqueVoters: 3 }, DEFAULT_DEMAND_SETTINGS).contributions[0].normalized;
    assert.equal(one, 1);
    assert.equal(three, 2);
  });

  test('the revenue unit scales revenue before the log', () => {
    const settings = { ...DEFAULT_DEMAND_SETTINGS, revenueUnit: 100 };
    const revenue = scoreDemand({ ...components, monthlyRevenue: 300 }, settings).contributions[2];
    assert.equal(revenue.normalized, 2); // log2(1 + 300 / 100)
  });

  test('stored settings are read defensively: bad or missing values fall back to the defaults', () => {
    assert.deepEqual(parseDemandSettings(null), DEFAULT_DEMAND_SETTINGS);
    const parsed = parseDemandSettings({ weights: { uniqueVoters: 3, momentum: -1, monthlyRevenue: 'x' }, revenueUnit: 0 });
    assert.deepEqual(parsed, { weights: { ...DEFAULT_DEMAND_SETTINGS.weights, uniqueVoters: 3 }, revenueUnit: 1000 });
  });
});
