import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Alert,
  type AlertEventKind,
  alertSchema,
  CAP_NAMESPACE,
  capCertainties,
  capSeverities,
  capToLevel,
  capUrgencies,
  createAlertNormalizer,
  escapeXml,
  formatCapDateTime,
  fromCap,
  levelToCap,
  parseCapDateTime,
  readXml,
  toCap,
  type XmlElement,
} from '../src/alert/index.js';

/** 2024-05-01 10:00:00.250 in Chongqing. */
const T0 = Date.UTC(2024, 4, 1, 2, 0, 0, 250);
const SENDER = 'zhizhi@qj-sj';

function leakageAlert(level: 1 | 2 | 3 = 1): Alert {
  const n = createAlertNormalizer({ holdDownMs: 60_000 });
  const event = n.push({
    deviceId: 'qj-sj-yly-elec-01',
    seq: 7,
    deviceTime: T0,
    type: 'leakage',
    value: 512.5,
    level,
    location: { lat: 29.0345, lng: 106.6512, address: '三江街道敬老院 <配电房> & "东侧"' },
    townId: 'qj-sj',
    gridId: 'qj-sj-c1-g1',
  }).events[0];
  if (!event) throw new Error('expected a raised alert');
  return event.alert;
}

const child = (e: XmlElement | undefined, ...names: string[]): XmlElement | undefined =>
  names.reduce<XmlElement | undefined>((at, name) => at?.children.find((c) => c.name === name), e);
const text = (e: XmlElement | undefined, ...names: string[]) => child(e, ...names)?.text;

function parsed(xml: string): XmlElement {
  const r = readXml(xml);
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.root;
}

function refusal(xml: string, limits?: Parameters<typeof fromCap>[1]) {
  const r = fromCap(xml, limits);
  const first = r.ok ? undefined : r.diagnostics[0];
  if (!first) throw new Error('expected a refusal');
  return first;
}

const MINIMAL = (info: string, head = '') => `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="${CAP_NAMESPACE}">
  <identifier>X-1</identifier><sender>cma@example.cn</sender><sent>2024-05-01T10:00:00+08:00</sent>
  <status>Actual</status><msgType>Alert</msgType><scope>Public</scope>${head}
  ${info}
</alert>`;
const INFO = (grade: string) =>
  `<info><category>Fire</category><event>smoke</event>${grade}</info>`;
const GRADE =
  '<urgency>Immediate</urgency><severity>Extreme</severity><certainty>Observed</certainty>';

describe('toCap', () => {
  it('given the article’s level-1 leakage alert, when exported, then every CAP field carries the mapped value', () => {
    const alert = leakageAlert(1);
    const xml = toCap(alert, { sender: SENDER });
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">',
      ),
    ).toBe(true);
    const root = parsed(xml);
    expect(root.ns).toBe(CAP_NAMESPACE);
    expect(text(root, 'identifier')).toBe('qj-sj-yly-elec-01:leakage:1714528800250:7');
    expect(text(root, 'sender')).toBe(SENDER);
    expect(text(root, 'sent')).toBe('2024-05-01T10:00:00+08:00');
    expect(text(root, 'status')).toBe('Actual');
    expect(text(root, 'msgType')).toBe('Alert');
    expect(text(root, 'scope')).toBe('Restricted');
    expect(text(root, 'restriction')).toBeTruthy();
    expect(child(root, 'references')).toBeUndefined();
    expect(text(root, 'info', 'language')).toBe('zh-CN');
    expect(text(root, 'info', 'category')).toBe('Fire');
    expect(text(root, 'info', 'event')).toBe('leakage');
    expect(text(root, 'info', 'urgency')).toBe('Immediate');
    expect(text(root, 'info', 'severity')).toBe('Extreme');
    expect(text(root, 'info', 'certainty')).toBe('Observed');
    expect(text(root, 'info', 'onset')).toBe('2024-05-01T10:00:00+08:00');
    expect(text(root, 'info', 'area', 'areaDesc')).toBe('三江街道敬老院 <配电房> & "东侧"');
    expect(text(root, 'info', 'area', 'circle')).toBe('29.0345,106.6512 0');
    expect(xml).toContain('&lt;配电房&gt; &amp; &quot;东侧&quot;');
    const geocodes = child(root, 'info', 'area')?.children.filter((c) => c.name === 'geocode');
    expect(geocodes?.map((g) => `${text(g, 'valueName')}=${text(g, 'value')}`)).toEqual([
      'zhizhi:townId=qj-sj',
      'zhizhi:gridId=qj-sj-c1-g1',
    ]);
  });

  it('given each level, when exported, then urgency, severity and certainty follow the documented table', () => {
    const grades = ([1, 2, 3] as const).map((level) => {
      const info = child(parsed(toCap(leakageAlert(level), { sender: SENDER })), 'info');
      return [level, text(info, 'urgency'), text(info, 'severity'), text(info, 'certainty')];
    });
    expect(grades).toEqual([
      [1, 'Immediate', 'Extreme', 'Observed'],
      [2, 'Expected', 'Severe', 'Observed'],
      [3, 'Future', 'Moderate', 'Observed'],
    ]);
  });

  it('given an identifier or sender with spaces, commas, < or &, when exported, then they are percent-encoded as CAP requires', () => {
    const alert = { ...leakageAlert(), alertId: 'a b,c<d&e%f' };
    const root = parsed(toCap(alert, { sender: 'town 1,x' }));
    expect(text(root, 'identifier')).toBe('a%20b%2Cc%3Cd%26e%25f');
    expect(text(root, 'sender')).toBe('town%201%2Cx');
    expect(fromCap(toCap(alert, { sender: 'x' }))).toMatchObject({
      ok: true,
      alert: { alertId: alert.alertId },
    });
  });

  it('given characters XML cannot carry, when exported, then they become U+FFFD and the message still parses', () => {
    expect(escapeXml('a\u0001b\uD800c\r\n😀<')).toBe('a\uFFFDb\uFFFDc&#13;\n😀&lt;');
    const alert = { ...leakageAlert(), deviceId: 'dev\u0000ice' };
    const r = fromCap(toCap(alert, { sender: SENDER }));
    expect(r.ok && r.alert.deviceId).toBe('dev\uFFFDice');
  });
});

describe('fromCap', () => {
  it('given an exported alert, when imported, then level, type, times, location, value and ids come back', () => {
    const alert = leakageAlert(1);
    const r = fromCap(toCap(alert, { sender: SENDER }));
    expect(r).toMatchObject({
      ok: true,
      msgType: 'Alert',
      kind: 'raised',
      status: 'Actual',
      sender: SENDER,
    });
    if (r.ok) expect(r.alert).toEqual(alert);
  });

  it('given escalated and de-escalated alerts, when exported, then they are Updates that reference the original and import as the same kind', () => {
    const n = createAlertNormalizer({ holdDownMs: 60_000 });
    const reading = (seq: number, t: number, level: 0 | 1 | 2 | 3) => ({
      deviceId: 'band-7',
      seq,
      deviceTime: t,
      type: 'fall',
      level,
      gridId: 'qj-sj-c1-g2',
    });
    n.push(reading(1, T0, 2));
    const up = n.push(reading(2, T0 + 1_000, 1)).events[0];
    expect(up?.kind).toBe('escalated');
    if (!up) return;
    const upXml = toCap(up.alert, {
      sender: SENDER,
      kind: up.kind,
      previousLevel: up.previousLevel,
    });
    const root = parsed(upXml);
    expect(text(root, 'msgType')).toBe('Update');
    expect(text(root, 'identifier')).toBe(`band-7:fall:${T0}:1.u${T0 + 1_000}`);
    expect(text(root, 'references')).toBe(
      `${SENDER},band-7:fall:${T0}:1,2024-05-01T10:00:00+08:00`,
    );
    expect(text(root, 'info', 'category')).toBe('Health');
    expect(fromCap(upXml)).toMatchObject({
      ok: true,
      msgType: 'Update',
      kind: 'escalated',
      alert: up.alert,
    });

    n.push(reading(3, T0 + 2_000, 2));
    const [down] = n.advance(T0 + 70_000);
    expect(down?.kind).toBe('deescalated');
    if (!down) return;
    const downXml = toCap(down.alert, {
      sender: SENDER,
      kind: down.kind,
      previousLevel: down.previousLevel,
    });
    expect(fromCap(downXml)).toMatchObject({
      ok: true,
      msgType: 'Update',
      kind: 'deescalated',
      alert: down.alert,
    });
    // without the parameter, the previous alert decides
    const bare = toCap(down.alert, { sender: SENDER, kind: 'deescalated' });
    expect(fromCap(bare)).toMatchObject({ kind: 'escalated' });
    expect(fromCap(bare, { previous: up.alert })).toMatchObject({ kind: 'deescalated' });
  });

  it('given a cleared alert, when exported, then it is a Cancel with urgency Past that imports as cleared at the same time', () => {
    const n = createAlertNormalizer({ holdDownMs: 60_000 });
    const r = (seq: number, t: number, level: 0 | 1) => ({
      deviceId: 'smoke-3',
      seq,
      deviceTime: t,
      type: 'smoke',
      level,
      townId: 'qj-sj',
    });
    n.push(r(1, T0, 1));
    n.push(r(2, T0 + 600_000, 0));
    const [cleared] = n.advance(T0 + 3_600_000);
    if (!cleared) throw new Error('expected a clear');
    const xml = toCap(cleared.alert, { sender: SENDER });
    const root = parsed(xml);
    expect(text(root, 'msgType')).toBe('Cancel');
    expect(text(root, 'info', 'urgency')).toBe('Past');
    expect(text(root, 'info', 'area', 'areaDesc')).toBe('qj-sj');
    expect(child(root, 'info', 'area', 'circle')).toBeUndefined();
    const back = fromCap(xml);
    expect(back).toMatchObject({
      ok: true,
      msgType: 'Cancel',
      kind: 'cleared',
      alert: cleared.alert,
    });
    expect(back.ok && back.alert.clearedAt).toBe(T0 + 660_000);
  });

  it('given a third-party CAP message with a prefixed namespace and no zhizhi parameters, when imported, then the level follows the grade and times come from CAP fields', () => {
    const xml = `<?xml version="1.0"?>
<cap:alert xmlns:cap="${CAP_NAMESPACE}">
  <cap:identifier>CN-CQ-2024-0501-001</cap:identifier>
  <cap:sender>cq-emergency@example.cn</cap:sender>
  <cap:sent>2024-05-01T10:05:00+08:00</cap:sent>
  <cap:status>Actual</cap:status>
  <cap:msgType>Alert</cap:msgType>
  <cap:source>smoke-ai-88</cap:source>
  <cap:scope>Public</cap:scope>
  <cap:info>
    <cap:language>en-US</cap:language>
    <cap:category>Fire</cap:category><cap:event>House fire</cap:event>
    <cap:urgency>Immediate</cap:urgency><cap:severity>Extreme</cap:severity><cap:certainty>Observed</cap:certainty>
  </cap:info>
  <cap:info>
    <cap:language>zh-CN</cap:language>
    <cap:category>Fire</cap:category><cap:event> 居民楼火灾 </cap:event>
    <cap:urgency>Immediate</cap:urgency><cap:severity>Severe</cap:severity><cap:certainty>Likely</cap:certainty>
    <cap:effective>2024-05-01T10:04:00+08:00</cap:effective>
    <cap:onset>2024-05-01T10:03:30+08:00</cap:onset>
    <cap:area><cap:areaDesc>渝中区大坪街道</cap:areaDesc><cap:circle>29.5413,106.5176 0.2</cap:circle></cap:area>
  </cap:info>
</cap:alert>`;
    const r = fromCap(xml);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.alert).toEqual({
      alertId: 'CN-CQ-2024-0501-001',
      deviceId: 'smoke-ai-88',
      type: '居民楼火灾',
      level: 1, // Severe + Immediate, Likely keeps it
      peakLevel: 1,
      raisedAt: Date.UTC(2024, 4, 1, 2, 3, 30),
      updatedAt: Date.UTC(2024, 4, 1, 2, 4, 0),
      clearedAt: null,
      value: null,
      location: { lat: 29.5413, lng: 106.5176, address: '渝中区大坪街道' },
      townId: null,
      gridId: null,
    });
    expect(r.sent).toBe(Date.UTC(2024, 4, 1, 2, 5, 0));
  });

  it('given every CAP grade, then capToLevel follows the documented table and inverts levelToCap', () => {
    const level = (urgency: string, severity: string, certainty: string) =>
      capToLevel({ urgency, severity, certainty } as Parameters<typeof capToLevel>[0]);
    expect(level('Immediate', 'Extreme', 'Observed')).toBe(1);
    expect(level('Future', 'Extreme', 'Likely')).toBe(1);
    expect(level('Immediate', 'Severe', 'Observed')).toBe(1);
    expect(level('Expected', 'Severe', 'Observed')).toBe(2);
    expect(level('Immediate', 'Extreme', 'Unknown')).toBe(2);
    expect(level('Immediate', 'Moderate', 'Observed')).toBe(2);
    expect(level('Immediate', 'Severe', 'Possible')).toBe(2);
    expect(level('Future', 'Moderate', 'Observed')).toBe(3);
    expect(level('Immediate', 'Minor', 'Observed')).toBe(3);
    expect(level('Unknown', 'Unknown', 'Unknown')).toBe(3);
    expect(level('Expected', 'Severe', 'Unlikely')).toBe(3);
    for (const u of capUrgencies)
      for (const s of capSeverities)
        for (const c of capCertainties) expect([1, 2, 3]).toContain(level(u, s, c));
    for (const l of [1, 2, 3] as const) {
      expect(capToLevel(levelToCap(l))).toBe(l);
      expect(capToLevel(levelToCap(l, true))).toBe(l);
    }
  });

  it('given CAP dateTimes, then they parse with their offset and format without fractions or Z', () => {
    expect(parseCapDateTime('2024-05-01T10:00:00+08:00')).toBe(Date.UTC(2024, 4, 1, 2));
    expect(parseCapDateTime('2024-05-01T02:00:00-00:00')).toBe(Date.UTC(2024, 4, 1, 2));
    expect(parseCapDateTime('2024-05-01T02:00:00Z')).toBe(Date.UTC(2024, 4, 1, 2));
    expect(parseCapDateTime('2024-05-01T02:00:00.5Z')).toBe(Date.UTC(2024, 4, 1, 2, 0, 0, 500));
    for (const bad of [
      '2024-02-30T10:00:00+08:00',
      '2024-05-01 10:00:00',
      '1969-12-31T23:59:59-00:00',
      '',
    ]) {
      expect(parseCapDateTime(bad)).toBeNull();
    }
    expect(formatCapDateTime(T0)).toBe('2024-05-01T10:00:00+08:00');
    expect(formatCapDateTime(T0, 0)).toBe('2024-05-01T02:00:00-00:00');
    expect(formatCapDateTime(T0, -330)).toBe('2024-04-30T20:30:00-05:30');
  });

  it('given malformed XML, then it is refused with a diagnostic naming where', () => {
    expect(refusal('<alert><identifier>x</alert>')).toMatchObject({
      code: 'xml.malformed',
      path: ['alert', 'identifier'],
    });
    expect(refusal('<alert>')).toMatchObject({ code: 'xml.malformed', path: ['alert'] });
    expect(refusal('')).toMatchObject({ code: 'xml.malformed', path: [] });
    expect(refusal('<a/><b/>').code).toBe('xml.malformed');
    expect(refusal('text<a/>').code).toBe('xml.malformed');
    expect(refusal('<a x="1" x="2"/>').code).toBe('xml.malformed');
    expect(refusal('<a x=1/>').code).toBe('xml.malformed');
    expect(refusal('<a x="<"/>').code).toBe('xml.malformed');
    expect(refusal('<p:a/>').code).toBe('xml.malformed');
    expect(refusal('<a>\u0001</a>').code).toBe('xml.malformed');
    expect(refusal('<a>&foo;</a>')).toMatchObject({ code: 'xml.entity', path: ['a'] });
    expect(refusal('<a>&#0;</a>').code).toBe('xml.entity');
    expect(refusal('<a>&#xD800;</a>').code).toBe('xml.entity');
    expect(refusal('<a>AT&T</a>').code).toBe('xml.entity');
  });

  it('given XXE, entity expansion or processing instructions, then they are refused before anything is resolved', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE alert [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<alert xmlns="${CAP_NAMESPACE}"><identifier>&xxe;</identifier></alert>`;
    expect(refusal(xxe)).toMatchObject({ code: 'xml.doctype', path: [] });
    const lol = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><lolz>&lol2;</lolz>`;
    expect(refusal(lol).code).toBe('xml.doctype');
    expect(refusal(`<alert xmlns="${CAP_NAMESPACE}"><!ENTITY x "y"></alert>`)).toMatchObject({
      code: 'xml.doctype',
      path: ['alert'],
    });
    expect(refusal('<?xml-stylesheet href="x.xsl"?><a/>')).toMatchObject({
      code: 'xml.processingInstruction',
      path: [],
    });
    expect(refusal('<a><?php echo 1 ?></a>')).toMatchObject({
      code: 'xml.processingInstruction',
      path: ['a'],
    });
    expect(refusal(' <?xml version="1.0"?><a/>').code).toBe('xml.processingInstruction');
  });

  it('given input over the size, depth or count limits, then it is refused with the limit', () => {
    const big = MINIMAL(INFO(GRADE)).replace('smoke', 'x'.repeat(300_000));
    expect(refusal(big)).toMatchObject({ code: 'xml.tooLarge', path: [] });
    expect(refusal(MINIMAL(INFO(GRADE)), { limits: { maxLength: 100 } }).code).toBe('xml.tooLarge');
    const deep = `${'<a>'.repeat(100)}${'</a>'.repeat(100)}`;
    const tooDeep = refusal(deep);
    expect(tooDeep?.code).toBe('xml.tooDeep');
    expect(tooDeep?.path).toHaveLength(33);
    expect(refusal(`<a>${'<b/>'.repeat(20)}</a>`, { limits: { maxElements: 10 } }).code).toBe(
      'xml.tooMany',
    );
    const attrs = Array.from({ length: 40 }, (_, i) => `a${i}="1"`).join(' ');
    expect(refusal(`<a ${attrs}/>`).code).toBe('xml.tooMany');
  });

  it('given well-formed XML that is not valid CAP, then the diagnostic names the CAP path', () => {
    expect(refusal('<alert xmlns="urn:oasis:names:tc:emergency:cap:1.1"/>')).toMatchObject({
      code: 'cap.root',
      path: ['alert'],
    });
    expect(
      refusal(MINIMAL(INFO('<urgency>Immediate</urgency><certainty>Observed</certainty>'))),
    ).toMatchObject({
      code: 'cap.missing',
      path: ['alert', 'info', 0, 'severity'],
    });
    const badSeverity = MINIMAL(INFO(GRADE.replace('Extreme', 'Catastrophic')));
    expect(refusal(badSeverity)).toMatchObject({
      code: 'cap.invalid',
      path: ['alert', 'info', 0, 'severity'],
    });
    const zhSecond = MINIMAL(
      `${INFO(GRADE)}<info><language>zh-CN</language><category>Fire</category><event>烟雾</event><urgency>Now</urgency><severity>Extreme</severity><certainty>Observed</certainty></info>`,
    );
    expect(refusal(zhSecond)).toMatchObject({
      code: 'cap.invalid',
      path: ['alert', 'info', 1, 'urgency'],
    });
    expect(refusal(MINIMAL(INFO(GRADE)).replace('<msgType>Alert', '<msgType>Ack'))).toMatchObject({
      code: 'cap.unsupported',
      path: ['alert', 'msgType'],
    });
    expect(
      refusal(MINIMAL(INFO(GRADE)).replace('<sender>cma@example.cn</sender>', '')),
    ).toMatchObject({
      code: 'cap.missing',
      path: ['alert', 'sender'],
    });
    expect(
      refusal(MINIMAL(INFO(GRADE)).replace('2024-05-01T10:00:00+08:00', 'yesterday')),
    ).toMatchObject({
      code: 'cap.invalid',
      path: ['alert', 'sent'],
    });
    expect(refusal(MINIMAL(''))).toMatchObject({ code: 'cap.missing', path: ['alert', 'info'] });
    const circle = MINIMAL(
      INFO(`${GRADE}<area><areaDesc>x</areaDesc><circle>95,10 0</circle></area>`),
    );
    expect(refusal(circle)).toMatchObject({
      code: 'cap.invalid',
      path: ['alert', 'info', 0, 'area', 0, 'circle', 0],
    });
    const param = MINIMAL(
      INFO(
        `${GRADE}<parameter><valueName>zhizhi:raisedAt</valueName><value>soon</value></parameter>`,
      ),
    );
    expect(refusal(param)).toMatchObject({
      code: 'cap.invalid',
      path: ['alert', 'info', 0, 'parameter', 0, 'value'],
    });
    expect(fromCap(MINIMAL(INFO(GRADE)))).toMatchObject({
      ok: true,
      alert: { level: 1, type: 'smoke' },
    });
  });

  it('given CDATA, character references and entities, then text is decoded exactly', () => {
    const xml = MINIMAL(
      INFO(
        `${GRADE}<eventCode><valueName>zhizhi:type</valueName><value><![CDATA[a<b>&c]]>&#x4E2D;&#25991;&lt;&apos;&quot;&gt;&amp;</value></eventCode>`,
      ),
    );
    const r = fromCap(xml);
    expect(r.ok && r.alert.type).toBe('a<b>&c中文<\'">&');
  });
});

// ------------------------------------------------------------------------------------ properties

const xmlSafe = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 24 });
const epoch = fc.integer({ min: 0, max: 4_102_444_800_000 }); // up to 2100

const alertArb: fc.Arbitrary<{
  alert: Alert;
  kind: AlertEventKind;
  previousLevel?: 0 | 1 | 2 | 3;
}> = fc
  .record({
    alertId: xmlSafe,
    deviceId: xmlSafe,
    type: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
    level: fc.constantFrom<1 | 2 | 3>(1, 2, 3),
    peakShift: fc.nat({ max: 2 }),
    times: fc.tuple(epoch, fc.nat({ max: 10_000_000 }), fc.nat({ max: 10_000_000 })),
    cleared: fc.boolean(),
    value: fc.option(
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => (Object.is(v, -0) ? 0 : v)),
    ),
    location: fc.option(
      fc.record(
        {
          lat: fc.double({ min: -90, max: 90, noNaN: true }).map((v) => (Object.is(v, -0) ? 0 : v)),
          lng: fc
            .double({ min: -180, max: 180, noNaN: true })
            .map((v) => (Object.is(v, -0) ? 0 : v)),
          address: fc.string({ unit: 'grapheme', maxLength: 30 }),
        },
        { requiredKeys: ['lat', 'lng'] },
      ),
    ),
    townId: fc.option(xmlSafe),
    gridId: fc.option(xmlSafe),
    update: fc.constantFrom<AlertEventKind>('raised', 'escalated', 'deescalated'),
  })
  .map(({ times: [t, d1, d2], peakShift, cleared, update, level, ...rest }) => ({
    alert: {
      ...rest,
      level,
      peakLevel: Math.max(1, level - peakShift) as 1 | 2 | 3,
      raisedAt: t,
      updatedAt: t + d1,
      clearedAt: cleared ? t + d1 + d2 : null,
    },
    kind: cleared ? ('cleared' as const) : update,
  }));

const validDoc = alertArb.map(({ alert, kind }) => toCap(alert, { sender: SENDER, kind }));

describe('fromCap: numbers and options', () => {
  const withValue = (value: string) =>
    toCap(leakageAlert(1), { sender: SENDER }).replace(
      '<valueName>zhizhi:value</valueName>\n      <value>512.5</value>',
      `<valueName>zhizhi:value</valueName>\n      <value>${value}</value>`,
    );

  it('given a zhizhi:value that is empty, hexadecimal, binary, octal, infinite or spaced out, then cap.invalid at that value, never a number', () => {
    expect(withValue('0x1F')).toContain('<value>0x1F</value>');
    for (const v of [
      '',
      ' ',
      '0x1F',
      '0b11',
      '0o7',
      'Infinity',
      '-Infinity',
      'NaN',
      '1_000',
      '1,5',
      '1 2',
      '+',
      '.',
    ]) {
      const d = refusal(withValue(v));
      expect([d.code, d.path.join('.')], JSON.stringify(v)).toEqual([
        'cap.invalid',
        'alert.info.0.parameter.5.value',
      ]);
    }
  });

  it('given decimal values, with a sign, a fraction or an exponent, then they are read as written', () => {
    for (const [v, n] of [
      ['512.5', 512.5],
      ['-3', -3],
      ['+7', 7],
      ['0.5', 0.5],
      ['1e-7', 1e-7],
      ['2.5E+3', 2500],
      [' 42 ', 42],
    ] as const) {
      const r = fromCap(withValue(v));
      expect(r.ok && r.alert.value, v).toBe(n);
    }
  });

  it('given options that are null or not an object, then fromCap still never throws: null reads as no options, anything else is refused with a diagnostic', () => {
    const xml = toCap(leakageAlert(1), { sender: SENDER });
    // biome-ignore lint/suspicious/noExplicitAny: a caller from plain JavaScript
    const loose = fromCap as (xml: unknown, options?: any) => ReturnType<typeof fromCap>;
    expect(() => loose(xml, null)).not.toThrow();
    expect(loose(xml, null).ok).toBe(true);
    for (const options of [42, 'strict', [], { limits: 5 }, { previous: 'x' }]) {
      const r = loose(xml, options);
      expect(r.ok, JSON.stringify(options)).toBe(false);
      if (!r.ok) expect(r.diagnostics[0]?.code).toBe('cap.options');
    }
    expect(loose(null).ok).toBe(false);
    expect(loose(12345).ok).toBe(false);
    // biome-ignore lint/suspicious/noExplicitAny: a caller from plain JavaScript
    const looseXml = readXml as (xml: unknown, options?: any) => ReturnType<typeof readXml>;
    expect(looseXml('<a/>', null).ok).toBe(true);
    expect(looseXml(undefined).ok).toBe(false);
  });
});

describe('CAP properties', () => {
  it('given any alert, when exported and imported, then the same alert comes back', () => {
    fc.assert(
      fc.property(alertArb, ({ alert, kind }) => {
        expect(alertSchema.safeParse(alert).success).toBe(true);
        const r = fromCap(toCap(alert, { sender: SENDER, kind }));
        if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
        expect(r.alert).toEqual(alert);
        expect(r.kind).toBe(kind === 'deescalated' ? 'escalated' : kind); // no previous level given
      }),
      { numRuns: 1_000 },
    );
  });

  it('given random strings, when imported, then fromCap answers and never throws', () => {
    const xmlish = fc.stringMatching(
      /^(<[a-z:!?/\][&;#x0-9"'= -]{0,12}>?|[^<]{0,6}|&[a-z#0-9]{0,6};?)*$/,
    );
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), xmlish), (s) => {
        const r = fromCap(s);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(r.diagnostics.length).toBeGreaterThan(0);
      }),
      { numRuns: 3_000 },
    );
  });

  it('given mutated valid documents, when imported, then fromCap never throws and whatever it accepts is a valid alert', () => {
    const mutation = fc.record({
      at: fc.nat(),
      cut: fc.nat({ max: 40 }),
      insert: fc.oneof(
        fc.string({ maxLength: 8 }),
        fc.constantFrom(
          '<',
          '>',
          '&',
          '&amp;',
          '&#0;',
          ']]>',
          '<![CDATA[',
          '<!DOCTYPE x>',
          '<?pi?>',
          '</info>',
          '<info>',
          '"',
          'xmlns:x="y"',
          '<severity>Minor</severity>',
          '<msgType>Cancel</msgType>',
          '<x:y>',
          '\u0000',
          '\uD800',
        ),
      ),
    });
    fc.assert(
      fc.property(validDoc, fc.array(mutation, { minLength: 1, maxLength: 4 }), (doc, edits) => {
        let s = doc;
        for (const { at, cut, insert } of edits) {
          const i = at % (s.length + 1);
          s = s.slice(0, i) + insert + s.slice(i + cut);
        }
        const r = fromCap(s);
        if (r.ok) expect(alertSchema.safeParse(r.alert).success).toBe(true);
        else expect(r.diagnostics[0]?.code).toMatch(/^(xml|cap)\./);
      }),
      { numRuns: 3_000 },
    );
  });
});
