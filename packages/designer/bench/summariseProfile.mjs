// Summarises what bench/canvasProfile.bench.tsx wrote:
//   node bench/summariseProfile.mjs <file.cpuprofile> [n]  — functions by self and inclusive time
//   node bench/summariseProfile.mjs <trace.json>           — per frame: the renderer's phases,
//     raster tiles, the compositor's draw, and the composited layers (cc's last layer list)
import { readFileSync } from 'node:fs';

const [file, top = '30'] = process.argv.slice(2);
if (!file) throw new Error('usage: node bench/summariseProfile.mjs <file> [n]');
const data = JSON.parse(readFileSync(file, 'utf8'));
const ms = (us) => (us / 1000).toFixed(1).padStart(8);

if (data.nodes) {
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of data.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const at = new Map();
  data.samples.forEach((id, i) => {
    at.set(id, (at.get(id) ?? 0) + (data.timeDeltas[i + 1] ?? 0));
  });
  const name = (n) =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-2).join('/').replace(/\?.*/, '')}:${n.callFrame.lineNumber}`;
  const self = new Map();
  const incl = new Map();
  let total = 0;
  for (const [id, t] of at) {
    total += t;
    const k = name(byId.get(id));
    self.set(k, (self.get(k) ?? 0) + t);
    const seen = new Set();
    for (let x = id; x !== undefined; x = parent.get(x)) {
      const kx = name(byId.get(x));
      if (!seen.has(kx)) incl.set(kx, (incl.get(kx) ?? 0) + t);
      seen.add(kx);
    }
  }
  const list = (m) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, Number(top))
      .map(([k, t]) => `${ms(t)} ms ${((100 * t) / total).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n');
  console.log(`${ms(total)} ms sampled\n-- self --\n${list(self)}\n-- inclusive --\n${list(incl)}`);
} else {
  const ev = data.traceEvents;
  const frames = ev.filter((e) => e.ph === 'X' && e.name === 'FireAnimationFrame').length || 1;
  const phases = {
    'main frame': 'ProxyMain::BeginMainFrame',
    'rAF (script)': 'FireAnimationFrame',
    'style+layout': 'LocalFrameView::RunStyleAndLayoutLifecyclePhases',
    paint: 'LocalFrameView::RunPaintLifecyclePhase',
    layerize: 'Layerize',
    commit: 'Commit',
    'canvas resource': 'Canvas2DResourceProvider::ProduceCanvasResource',
    'raster tiles': 'RasterTask',
    'compositor draw': 'Display::DrawAndSwap',
    'drawn quads': 'SoftwareRenderer::DoDrawQuad',
  };
  console.log(`${frames} frames; per frame:`);
  for (const [label, n] of Object.entries(phases)) {
    let d = 0;
    let c = 0;
    for (const e of ev)
      if (e.ph === 'X' && e.name === n) {
        d += e.dur ?? 0;
        c++;
      }
    console.log(
      `${label.padEnd(16)} ${(d / 1000 / frames).toFixed(2).padStart(6)} ms ${(c / frames).toFixed(1).padStart(5)}×`,
    );
  }
  const snap = ev.filter((e) => e.args?.snapshot?.active_tree).at(-1);
  if (snap) {
    const layers = new Map();
    for (const l of snap.args.snapshot.active_tree.layers) {
      const k = (l.debug_name ?? l.layer_name ?? '').replace(/ data-step='[^']*'/, '');
      layers.set(k, (layers.get(k) ?? 0) + 1);
    }
    console.log('composited layers:');
    for (const [k, n] of layers) console.log(`${String(n).padStart(4)}  ${k}`);
  }
}
