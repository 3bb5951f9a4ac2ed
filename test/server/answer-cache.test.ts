import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { AnswerCache, utf8 } from '../../src/server/answer-cache.js';

test('an answer is kept from the second time its key is offered, as the UTF-8 bytes of its text', () => {
  const cache = new AnswerCache(4);
  const text = '{"citation":"Cal. Gov. Code § 7284.6(a)(1)(B)"}';
  assert.equal(cache.offer('k', utf8(text), 'application/json'), false);
  assert.equal(cache.get('k'), undefined);
  assert.equal(cache.offer('k', utf8(text), 'application/json'), true);
  const kept = cache.get('k');
  assert.ok(kept);
  assert.equal(kept.type, 'application/json');
  assert.equal(Buffer.from(kept.body).toString('utf8'), text);
  assert.equal(kept.body.byteLength, Buffer.byteLength(text));
});

test('distinct keys keep no answers; the cache stays bounded whatever is offered', () => {
  fc.assert(fc.property(fc.array(fc.string({ maxLength: 3 }), { maxLength: 300 }), (keys) => {
    const cache = new AnswerCache(8);
    const offered = new Map<string, number>();
    for (const k of keys) {
      const kept = cache.offer(k, utf8(`answer to ${k}`), 'text/plain');
      const before = offered.get(k) ?? 0;
      offered.set(k, before + 1);
      // Never kept on a first sighting; the kept answer is always the one for its key.
      if (before === 0) assert.equal(kept, false);
      if (kept) assert.equal(Buffer.from(cache.get(k)!.body).toString(), `answer to ${k}`);
      assert.ok(cache.size <= 16, `size ${cache.size}`);
    }
    if (new Set(keys).size === keys.length) assert.equal(cache.size, 0);
  }));
});
