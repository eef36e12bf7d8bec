import { chromium } from 'playwright';
import { describe, expect, test } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../../../scripts/chromium.mjs';
import { exportEmbed, type ScenarioDraft } from '../../src/model/index.js';
import { embedFiles, serve } from '../embedUnderCsp.js';
import { builtInIds, builtInText } from './helpers.js';

const band = () => JSON.parse(builtInText('elderly-health-band')) as ScenarioDraft;
const options = { tag: 'zz-elderly-health', widgetsUrl: '/widgets/zhizhi-widgets.js' };

/** The JSON literal the script passes to defineScenarioElement (read, never run). */
function literalOf(script: string, tag: string): unknown {
  const head = `ZhizhiWidgets.defineScenarioElement(${JSON.stringify(tag)}, `;
  const start = script.indexOf(head);
  const end = script.lastIndexOf(');\n');
  expect(start).toBeGreaterThan(-1);
  expect(end).toBeGreaterThan(start);
  return JSON.parse(script.slice(start + head.length, end));
}

describe('exportEmbed', () => {
  test.each(builtInIds)('%s: the script defines the element with the document itself', (id) => {
    const doc = JSON.parse(builtInText(id)) as ScenarioDraft;
    const r = exportEmbed(doc, { ...options, tag: `zz-${id}` });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(literalOf(r.script, `zz-${id}`)).toEqual(doc);
    expect(r.scriptUrl).toBe(`zz-${id}.js`);
  });

  test('the snippet loads the widgets, the scenario script and the element script, with no inline script', () => {
    const r = exportEmbed(band(), {
      ...options,
      provider: { api: '/api', member: 'qj-sj-duty', lang: 'zh-CN' },
      element: { grid: 'qj-sj-c1-g1', viewerRole: 'dutyOfficer', deploy: true },
    });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.html).toBe(
      [
        '<script src="/widgets/zhizhi-widgets.js"></script>',
        '<script src="/widgets/zhizhi-scenario.js"></script>',
        '<script src="zz-elderly-health.js"></script>',
        '<zz-provider api="/api" member="qj-sj-duty" lang="zh-CN">',
        '  <zz-elderly-health grid="qj-sj-c1-g1" viewer-role="dutyOfficer" deploy></zz-elderly-health>',
        '</zz-provider>',
        '',
      ].join('\n'),
    );
    const scripts = r.html.match(/<script\b[^>]*>[^<]*<\/script>/g) ?? [];
    expect(scripts).toHaveLength(3);
    for (const s of scripts) expect(s).toMatch(/^<script src="[^"]+"><\/script>$/);
  });

  test('</script>, U+2028, U+2029 and & in labels are escaped in the literal and survive as text', () => {
    const doc = band();
    const payload = '</script><script>alert(1)</script>\u2028line\u2029para & <!--';
    doc.name = { zh: payload, en: payload };
    const r = exportEmbed(doc, options);
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.script).not.toMatch(/<\/script|<!--|\u2028|\u2029|[<>&]/i);
    expect(r.script).toContain('\\u003c/script\\u003e');
    expect(r.script).toContain('\\u2028');
    expect((literalOf(r.script, options.tag) as ScenarioDraft).name.zh).toBe(payload);
  });

  test('while the checker reports errors, the export is refused with the check', () => {
    const doc = band();
    const call = doc.steps[0] as unknown as { outcomes: { to: string }[] };
    (call.outcomes[0] as { to: string }).to = 'nowhere';
    const r = exportEmbed(doc, options);
    expect(r.ok).toBe(false);
    if (r.ok || r.reason !== 'check') throw new Error('not refused by the check');
    expect(r.check.errors.length).toBeGreaterThan(0);
    expect(r.check.errors.some((e) => e.stepId === 'call')).toBe(true);
  });

  test.each([
    ['tag', { tag: 'elderly' }, 'customElementName'],
    ['tag', { tag: 'zz-Elderly' }, 'customElementName'],
    ['tag', { tag: 'zz-a"><script>' }, 'customElementName'],
    ['widgetsUrl', { widgetsUrl: 'javascript:alert(1)' }, 'scriptUrl'],
    ['widgetsUrl', { widgetsUrl: '/w.js" onload="x' }, 'scriptUrl'],
    ['scriptUrl', { scriptUrl: 'data:text/javascript,alert(1)' }, 'scriptUrl'],
  ])('a bad %s is refused, naming the path and the rule (%o)', (path, bad, rule) => {
    const r = exportEmbed(band(), { ...options, ...bad });
    expect(r).toMatchObject({ ok: false, reason: 'option', path, rule });
    if (r.ok || r.reason !== 'option') throw new Error('not refused');
    expect(r.message.zh).not.toBe('');
    expect(r.message.en).not.toBe('');
  });

  test('attribute values are escaped in the snippet', () => {
    const r = exportEmbed(band(), { ...options, provider: { member: 'a"><b>&' } });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.html).toContain('<zz-provider member="a&quot;&gt;&lt;b&gt;&amp;">');
  });
});

describe('exportEmbed in Chromium under a strict CSP', () => {
  test('the exported snippet and script, with the built widgets bundle, render the element and run the scenario on a LocalClient to its end', async () => {
    const r = exportEmbed(band(), {
      ...options,
      provider: { member: 'qj-sj-duty', lang: 'zh-CN' },
      element: { grid: 'qj-sj-c1-g1', viewerRole: 'dutyOfficer', deploy: true },
    });
    if (!r.ok) throw new Error(JSON.stringify(r));
    const { url, server } = await serve(await embedFiles(r));
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: chromiumArgs,
    });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning')
          problems.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      await page.goto(url);
      const el = page.locator('zz-elderly-health');
      await expect.poll(() => el.locator('h2').textContent()).toBe('留守老人智能健康手环');
      await el.getByRole('button', { name: '启动场景' }).click();
      await el.getByRole('button', { name: '接通，无事' }).click();
      await expect.poll(() => el.locator('[part="steps"]').textContent()).toContain('已结束');
      expect(await el.locator('[part="steps"]').textContent()).toContain('确认无事');
      expect(await el.locator('ol li').count()).toBe(2);
      // Chromium reports every CSP violation as a console error
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
      server.close();
    }
  }, 60_000);
});
