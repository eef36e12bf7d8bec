// The portal's own script (a classic deferred script, allowed by `script-src 'self'`): the demo
// sign-on that switches the member and its token, the town's categories and dispatch targets,
// and the wiring between the elements. No inline script, no inline style, no eval.
(() => {
  /** The town's report categories with the portal's own names (the town's routing lists). */
  const CATEGORIES = [
    { id: 'riverPollution', name: { zh: '河道污染', en: 'River pollution' } },
    { id: 'waterlogging', name: { zh: '积水内涝', en: 'Waterlogging' } },
    { id: 'roadFacilities', name: { zh: '道路设施', en: 'Road facilities' } },
    { id: 'homestayNoise', name: { zh: '民宿噪音', en: 'Homestay noise' } },
    { id: 'streetVendors', name: { zh: '占道经营', en: 'Street vendors' } },
    { id: 'electricalFire', name: { zh: '电气火灾隐患', en: 'Electrical fire hazard' } },
  ];
  const TOWN = 'qj-sj';

  /** The town's grid-worker list: the six key tasks and the town's "+1" (the town's data). */
  const DUTY_LIST = {
    id: 'qj-sj-6plus1',
    name: { zh: '三江街道网格员“6+1”重点任务清单', en: 'Sanjiang grid workers’ “6+1” list' },
    duties: [
      duty('dailyPatrol', '日常巡查走访', 'Daily patrol and visits', 'P1D', ['patrol', 'visit']),
      duty('keyPlaces', '排查重点场所', 'Checking key places', 'P7D', ['inspection'], 'place'),
      duty('emergencyAssist', '协助处理突发事件', 'Helping with emergencies', 'asNeeded', [
        'emergency',
      ]),
      duty(
        'serveResidents',
        '主动服务群众',
        'Actively serving residents',
        'P1D',
        ['visit', 'call'],
        'household',
      ),
      duty('publicity', '正面宣传引导', 'Positive publicity', 'P7D', ['publicity']),
      duty('infoCollection', '信息采集', 'Information collection', 'P7D', ['collection']),
      {
        ...duty('riversidePatrol', '江边巡查', 'Riverside patrol', { times: 2, per: 'P7D' }, [
          'patrol',
        ]),
        local: true,
      },
    ],
  };
  function duty(id, zh, en, frequency, kinds, per) {
    return { id, name: { zh, en }, frequency, done: per ? { kinds, per } : { kinds } };
  }

  const $ = (id) => document.getElementById(id);
  const provider = $('provider');
  const picker = $('member');
  const status = $('login-status');
  const form = $('report-form');
  const board = $('dispatch-board');
  const caseView = $('case-view');
  const largeText = $('large-text');
  const kpiSlot = $('kpi-slot');
  const kpiNote = $('kpi-note');
  const gridMap = $('grid-map');
  /**
   * Who sees the KPI dashboard in this portal: the command center and the district (a portal's
   * choice; the server itself refuses KPIs only to residents and sensors, and to towns outside
   * the reader's scope).
   */
  const COMMAND_CENTER = new Set(['qj-sj-duty', 'qj-ops-1']);
  let dashboard;

  // every element names categories from the provider; the report form offers them
  provider.categories = CATEGORIES;
  const dutyList = $('duty-list');
  dutyList.list = DUTY_LIST;
  dutyList.households = ['11-2-301', '11-3-602', '12-1-502'];
  dutyList.places = ['riverside-steps', 'garage-workshop'];

  async function api(path, options) {
    const res = await fetch(path, options);
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    return res.json();
  }

  let signing = 0;
  /** The demo sign-on: a token for the chosen member (a real portal asks its SSO). */
  async function signIn(memberId) {
    const attempt = ++signing;
    status.textContent = '正在登录…';
    try {
      const { token, member } = await api('/api/demo/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ memberId }),
      });
      if (attempt !== signing) return;
      // one update: the provider makes one HttpClient for this member and token
      provider.token = token;
      provider.member = member.id;
      provider.api = provider.dataset.api;
      document.body.dataset.member = member.id;
      placeDashboard(member.id);
      status.textContent = `已登录：${picker.selectedOptions[0].textContent}`;
      if (!board.targets || board.targets.length === 0) {
        const org = await api('/api/org', { headers: { authorization: `Bearer ${token}` } });
        board.targets = window.ZhizhiWidgets.dispatchTargetsOf(org, TOWN);
      }
    } catch (e) {
      if (attempt === signing) status.textContent = `登录失败：${e.message}`;
    }
  }

  /** The KPI dashboard for command-center members only; created once, kept while allowed. */
  function placeDashboard(memberId) {
    const allowed = COMMAND_CENTER.has(memberId);
    if (allowed && !dashboard) {
      dashboard = document.createElement('zz-kpi-dashboard');
      dashboard.setAttribute('town', TOWN);
    }
    if (allowed && !dashboard.isConnected) kpiSlot.append(dashboard);
    if (!allowed && dashboard?.isConnected) dashboard.remove();
    kpiNote.hidden = allowed;
  }

  picker.addEventListener('change', () => signIn(picker.value));

  const show = (caseId) => {
    caseView.setAttribute('case-id', caseId);
  };
  form.addEventListener('zz-report-sent', (e) => show(e.detail.caseId));
  board.addEventListener('zz-case-select', (e) => show(e.detail.caseId));
  board.addEventListener('zz-action-sent', (e) => show(e.detail.caseId));
  // a grid chosen on the map: said in a line under it (a portal would filter its own lists
  // with e.detail.filters, e.g. { townId, gridId })
  gridMap.addEventListener('zz-grid-select', (e) => {
    $('grid-choice').textContent =
      `已选择网格 ${e.detail.gridId}：${e.detail.openCases.length} 件未办结事件，${e.detail.alerts.length} 条预警`;
  });

  largeText.addEventListener('click', () => {
    const on = !provider.largeText;
    provider.largeText = on;
    largeText.setAttribute('aria-pressed', String(on));
    document.body.classList.toggle('large-text', on);
  });

  signIn(picker.value);
})();
