// The bounded caches keyed by what arrives from outside: never more than two generations, never a stale value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BoundedCache, DoorkeptCache } from '../../src/law/bounded-cache.js';

const op = fc.oneof(
  fc.record({ set: fc.integer({ min: 0, max: 40 }), value: fc.integer() }),
  fc.record({ get: fc.integer({ min: 0, max: 40 }) }),
);

test('BoundedCache: a hit is the last value set for its key, the last `max` keys set are all there, and at most 2 × max are held', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 8 }), fc.array(op, { maxLength: 200 }), (max, ops) => {
    const cache = new BoundedCache<number, number>(max);
    const last = new Map<number, number>();
    const order: number[] = [];
    for (const o of ops) {
      if ('set' in o) {
        cache.set(o.set, o.value);
        last.set(o.set, o.value);
        order.push(o.set);
      } else {
        const v = cache.get(o.get);
        if (v !== undefined) assert.equal(v, last.get(o.get));
      }
      assert.ok(cache.size <= 2 * max, `size ${cache.size}`);
    }
    for (const k of new Set(order.slice(-max))) assert.equal(cache.get(k), last.get(k));
  }));
});

test('DoorkeptCache: a key is admitted only from its second time, and what is kept is what was set', () => {
  fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 150 }), (keys) => {
    const cache = new DoorkeptCache<number, string>(4);
    const seen = new Set<number>();
    for (const k of keys) {
      const admitted = cache.admit(k);
      if (!seen.has(k)) assert.equal(admitted, false, `${k} admitted on its first time`);
      seen.add(k);
      if (admitted) cache.set(k, `value of ${k}`);
      const kept = cache.get(k);
      if (kept !== undefined) assert.equal(kept, `value of ${k}`);
      assert.ok(cache.size <= 8);
    }
    if (new Set(keys).size === keys.length) assert.equal(cache.size, 0);
  }));
  const cache = new DoorkeptCache<string, number>(2);
  assert.equal(cache.admit('a'), false);
  assert.equal(cache.admit('a'), true);
});
