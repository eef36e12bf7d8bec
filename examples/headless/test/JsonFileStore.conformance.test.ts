// The client conformance suite of @zhizhi/core, run through a LocalClient on the JsonFileStore
// (docs/runtime.md: "Run the conformance suite through a LocalClient on your store"), with
// node:test and node:assert as the test runner, so the example needs no test framework.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { Directory, SimulatedClock } from '@zhizhi/core';
import { LocalClient } from '@zhizhi/core/client';
import { sampleDutyLists, sampleOrg, sampleSlaPolicy } from '@zhizhi/core/sample';
import { clientConformance, type TestApi } from '@zhizhi/core/testing';
import { JsonFileStore } from '../src/JsonFileStore.js';

const plain = (v: unknown) => (v === undefined ? v : JSON.parse(JSON.stringify(v)));
const expect: TestApi['expect'] = (value, message) => ({
  toBe: (expected) =>
    assert.ok(Object.is(value, expected), message ?? `${String(value)} is not ${String(expected)}`),
  toEqual: (expected) =>
    assert.ok(
      isDeepStrictEqual(plain(value), plain(expected)),
      message ?? `${JSON.stringify(value)} ≠ ${JSON.stringify(expected)}`,
    ),
  toBeGreaterThan: (n) => assert.ok((value as number) > n, message ?? `${String(value)} ≤ ${n}`),
  toContain: (item) =>
    assert.ok(
      (value as unknown[] | string).includes(item as never),
      message ?? `does not contain ${String(item)}`,
    ),
  toBeUndefined: () => assert.equal(value, undefined, message),
  not: {
    toContain: (item) =>
      assert.ok(
        !(value as unknown[] | string).includes(item as never),
        message ?? `contains ${String(item)}`,
      ),
    toBe: (expected) =>
      assert.ok(!Object.is(value, expected), message ?? `${String(value)} is ${String(expected)}`),
  },
});

const dir = mkdtempSync(join(tmpdir(), 'zhizhi-headless-conformance-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

clientConformance(
  'LocalClient on JsonFileStore',
  async () => {
    const clock = new SimulatedClock('2026-09-01T08:00:00+08:00');
    const client = new LocalClient({
      directory: new Directory(sampleOrg),
      store: JsonFileStore.open(join(dir, `store-${++n}.json`)),
      clock,
      slaPolicy: sampleSlaPolicy,
      dutyLists: sampleDutyLists,
    });
    return {
      client,
      advance: async (ms: number) => {
        clock.advance(ms);
        await client.tick();
      },
      close: () => client.close(),
    };
  },
  {
    describe: (name, body) => describe(name, body),
    it: (name, body, timeout) => it(name, { timeout: timeout ?? 30_000 }, body),
    expect,
  },
);
