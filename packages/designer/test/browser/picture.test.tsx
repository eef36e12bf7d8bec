import { builtInScenarios, sampleOrg } from '@zhizhi/core/sample';
import { describe, expect, it } from 'vitest';
import { checkDraft, type ScenarioDraft } from '../../src/model/index.js';
import { pictureColours } from '../../src/picture/pictureColours.js';
import { scenarioPicture } from '../../src/picture/scenarioPicture.js';
import { drawPicture, scenarioPng } from '../../src/picture/scenarioPng.js';
import { scenarioSvg } from '../../src/picture/scenarioSvg.js';
import { type Mounted, mountDesigner, until } from './mountDesigner.js';

let m: Mounted | undefined;
const scenarios = builtInScenarios.map((s) => structuredClone(s) as unknown as ScenarioDraft);
const labelOf = (s: ScenarioDraft['steps'][number], lang: 'zh' | 'en') =>
  (s.label as { zh?: string; en?: string } | undefined)?.[lang] ?? s.id;

function parse(svg: string): Document {
  const xml = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(xml.querySelector('parsererror')).toBeNull();
  return xml;
}

/** No script, no event attribute, no style, no external reference anywhere in the SVG. */
function expectInert(xml: Document) {
  expect(xml.getElementsByTagName('script').length).toBe(0);
  expect(xml.getElementsByTagName('style').length).toBe(0);
  expect(xml.getElementsByTagName('foreignObject').length).toBe(0);
  for (const el of xml.getElementsByTagName('*')) {
    for (const a of el.attributes) {
      expect(a.name.toLowerCase().startsWith('on'), `${el.tagName} ${a.name}`).toBe(false);
      expect(a.name).not.toBe('style');
      if (a.name === 'href' || a.name.endsWith(':href')) expect(a.value.startsWith('#')).toBe(true);
    }
  }
}

describe('the picture export', () => {
  it('given every built-in scenario, then its SVG parses, holds every step label (zh and en) and no script, event attribute, style or external reference', () => {
    for (const doc of scenarios) {
      for (const lang of ['zh-CN', 'en'] as const) {
        const xml = parse(scenarioSvg(scenarioPicture(doc, lang)));
        expectInert(xml);
        const texts = [...xml.getElementsByTagName('text')].map((t) => t.textContent ?? '');
        for (const s of doc.steps) {
          const want = labelOf(s, lang === 'en' ? 'en' : 'zh');
          const short = [...want].length > 24 ? [...want].slice(0, 23).join('') : want;
          expect(
            texts.some((t) => t.startsWith(short)),
            `${doc.id} ${s.id}`,
          ).toBe(true);
        }
        expect(xml.querySelectorAll('g[data-step]').length).toBe(doc.steps.length);
      }
    }
  });

  it('given hostile labels and ids, then they are escaped text, never markup', () => {
    const doc = structuredClone(scenarios[0] as ScenarioDraft);
    const hostile = '<script>alert(1)</script>&"\' onload="x" ]]><!--';
    (doc.steps[0] as unknown as { label: unknown }).label = { zh: hostile, en: hostile };
    (doc as { name: unknown }).name = { zh: hostile, en: hostile };
    const svg = scenarioSvg(scenarioPicture(doc, 'zh-CN'));
    expect(svg).not.toContain('<script');
    const xml = parse(svg);
    expectInert(xml);
    expect(xml.querySelector('title')?.textContent).toBe(hostile);
    expect(
      [...xml.getElementsByTagName('text')].some(
        (t) => t.textContent === `${[...hostile].slice(0, 23).join('')}…`,
      ),
    ).toBe(true);
  });

  it('given a step with an error, then the SVG and the PNG draw its border in the error colour', async () => {
    const doc = structuredClone(
      scenarios.find((s) => s.id === 'elderly-health-band') as ScenarioDraft,
    );
    const call = doc.steps.find((s) => s.id === 'call') as unknown as {
      outcomes: { to: string }[];
    };
    (call.outcomes[0] as { to: string }).to = 'nowhere';
    const picture = scenarioPicture(doc, 'zh-CN', checkDraft(doc));
    const xml = parse(scenarioSvg(picture));
    const rect = xml.querySelector('g[data-step="call"] rect');
    expect(rect?.getAttribute('stroke')).toBe(pictureColours.error);
    const ok =
      xml.querySelector('g[data-step="alarm"] rect') ??
      xml.querySelector('g[data-step]:not([data-step="call"]) rect');
    expect(ok?.getAttribute('stroke')).not.toBe(pictureColours.error);
    // the PNG: the same picture on a canvas; the error border's pixel is red
    const canvas = document.createElement('canvas');
    canvas.width = picture.width;
    canvas.height = picture.height;
    const g = canvas.getContext('2d') as CanvasRenderingContext2D;
    drawPicture(g, picture, 1);
    const s = picture.steps.find((x) => x.id === 'call');
    if (!s) throw new Error('no call');
    const px = g.getImageData(Math.round(s.x + s.width / 2), Math.round(s.y), 1, 1).data;
    expect(px[0]).toBeGreaterThan(150);
    expect(px[1]).toBeLessThan(60);
    const png = await scenarioPng(picture, 1);
    expect(png.type).toBe('image/png');
    const bitmap = await createImageBitmap(png);
    expect([bitmap.width, bitmap.height]).toEqual([picture.width, picture.height]);
  });

  it('given the designer, when the picture buttons are pressed, then an SVG and a PNG of the document are downloaded', async () => {
    const doc = structuredClone(
      scenarios.find((s) => s.id === 'elderly-health-band') as ScenarioDraft,
    );
    m = await mountDesigner(doc, sampleOrg, 'en');
    const got: { name: string; type: string; text?: string }[] = [];
    const click = HTMLAnchorElement.prototype.click;
    const created = new Map<string, Blob>();
    const createObjectURL = URL.createObjectURL;
    URL.createObjectURL = (b: Blob | MediaSource) => {
      const url = createObjectURL(b);
      created.set(url, b as Blob);
      return url;
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      const b = created.get(this.href);
      if (b) got.push({ name: this.download, type: b.type });
    };
    try {
      const buttons = [...m.host.querySelectorAll('button')];
      buttons.find((b) => b.textContent === 'Picture (SVG)')?.click();
      buttons.find((b) => b.textContent === 'Picture (PNG)')?.click();
      await until(() => expect(got.length).toBe(2));
    } finally {
      HTMLAnchorElement.prototype.click = click;
      URL.createObjectURL = createObjectURL;
    }
    expect(got).toEqual([
      { name: 'elderly-health-band.svg', type: 'image/svg+xml' },
      { name: 'elderly-health-band.png', type: 'image/png' },
    ]);
  });
});
