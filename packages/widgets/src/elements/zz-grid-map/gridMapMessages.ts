import type { Messages } from '../../i18n/translate.js';

/** The strings of `zz-grid-map`. @internal */
export const gridMapMessages = {
  title: { zh: '网格地图', en: 'Grid map' },
  mapLabel: {
    zh: '网格地图：{n} 个网格，方向键以外用 Tab 在网格间移动，回车选择',
    en: 'Grid map: {n} grids; Tab moves between grids, Enter selects',
  },
  grid: {
    zh: '{name}：{cases} 件未办结事件，{alerts} 条预警',
    en: '{name}: {cases} open cases, {alerts} alerts',
  },
  loading: { zh: '正在加载网格…', en: 'Loading grids…' },
  noGrids: { zh: '未提供网格数据（src 或 geojson）', en: 'No grid data (src or geojson) given' },
  refused: { zh: '网格数据无效：{path} {reason}', en: 'Invalid grid data at {path}: {reason}' },
  fetchFailed: { zh: '无法读取网格数据：{reason}', en: 'Could not read the grid data: {reason}' },
  error: { zh: '加载失败：{reason}', en: 'Could not load: {reason}' },
  noProvider: { zh: '未找到数据来源（zz-provider）', en: 'No data source (zz-provider) found' },
  summary: {
    zh: '{grids} 个网格 · {cases} 件未办结事件 · {alerts} 条预警',
    en: '{grids} grids · {cases} open cases · {alerts} alerts',
  },
  selected: { zh: '已选择：{name}', en: 'Selected: {name}' },
  legend: { zh: '图例', en: 'Legend' },
  caseNew: { zh: '● 待受理/待派单事件', en: '● Case in intake or dispatching' },
  caseWorking: { zh: '■ 处置中事件', en: '■ Case being handled' },
  caseChecking: { zh: '◆ 待核查事件', en: '◆ Case awaiting verification' },
  alertLevel: { zh: '▲ 预警（数字为级别，1 最高）', en: '▲ Alert (number = level, 1 highest)' },
  caseMarker: { zh: '事件：{title}（{status}）', en: 'Case: {title} ({status})' },
  alertMarker: { zh: '{level} 级预警：{type}', en: 'Level {level} alert: {type}' },
} satisfies Messages;
