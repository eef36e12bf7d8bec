// JsonFileStore.open on files it did not write: each is refused with the file, the place and
// the rule, and a store it wrote opens again with everything in it.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Directory, SimulatedClock } from '@zhizhi/core';
import { Engine } from '@zhizhi/core/runtime';
import { sampleOrg } from '@zhizhi/core/sample';
import { JsonFileStore } from '../src/JsonFileStore.js';

const dir = mkdtempSync(join(tmpdir(), 'zhizhi-headless-open-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const valid = JSON.stringify({
  format: 'zhizhi-example-store/1',
  seq: 0,
  order: 0,
  records: {},
  trails: {},
  timers: {},
  claims: {},
  outbox: [],
  handoffs: [],
  failures: [],
  feed: [],
  definitions: [],
});

describe('JsonFileStore.open', () => {
  it('creates the file when it is missing, and reopens what it wrote', async () => {
    const path = join(dir, 'new.json');
    const store = JsonFileStore.open(path);
    assert.equal(JSON.parse(readFileSync(path, 'utf8')).format, 'zhizhi-example-store/1');
    const clock = new SimulatedClock('2026-03-02T09:00:00+08:00');
    const engine = new Engine({ directory: new Directory(sampleOrg), store, clock });
    const opened = await engine.report({
      id: 'c1',
      gridId: 'qj-sj-c1-g1',
      reporterId: 'qj-sj-c1-g1-worker',
      category: 'riverPollution',
      severity: 'low',
      title: '河面漂浮物',
    });
    assert.equal(opened.ok, true);
    const again = JsonFileStore.open(path);
    assert.equal((await again.load('c1'))?.status, 'intake');
    assert.equal(await again.lastSeq(), 1);
    assert.equal((await again.auditTrail('c1')).length, 1);
  });

  it('refuses a repeated key with its line, column and path', () => {
    const path = file('dup.json', '{"format": "zhizhi-example-store/1",\n "seq": 0, "seq": 1}');
    assert.throws(() => JsonFileStore.open(path), /dup\.json:2:12 seq: .*appears twice/);
  });

  it('refuses a file of another format', () => {
    const path = file('other.json', '{"format": "something-else"}');
    assert.throws(() => JsonFileStore.open(path), /other\.json: format: .*not a store file/);
  });

  it('refuses a top level of the wrong shape, naming the key and the rule', () => {
    const path = file('shape.json', valid.replace('"feed":[]', '"feed":{}'));
    assert.throws(
      () => JsonFileStore.open(path),
      /shape\.json: feed: .*must be an array, found object/,
    );
  });

  it('refuses a missing key', () => {
    const path = file('missing.json', valid.replace('"seq":0,', ''));
    assert.throws(
      () => JsonFileStore.open(path),
      /missing\.json: seq: .*must be a number, found undefined/,
    );
  });
});
