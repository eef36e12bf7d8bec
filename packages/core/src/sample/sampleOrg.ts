import type { Member, Org, OrgUnit, Post } from '../org/orgSchema.js';
import type { SectionId } from '../org/roles.js';

const t = (zh: string, en: string) => ({ zh, en });

/** The posts every sample town has, by section (names as in the article where it names them). */
const postTemplates: { key: string; section: SectionId; name: { zh: string; en: string } }[] = [
  { key: 'dj', section: 'partyBuilding', name: t('党建工作岗', 'Party affairs post') },
  {
    key: 'czjs',
    section: 'economicDevelopment',
    name: t('村镇建设岗', 'Village/town construction post'),
  },
  {
    key: 'nyfw',
    section: 'economicDevelopment',
    name: t('农业服务岗', 'Agricultural services post'),
  },
  { key: 'shsw', section: 'livelihoodServices', name: t('社会事务岗', 'Social affairs post') },
  { key: 'ylfw', section: 'livelihoodServices', name: t('养老服务岗', 'Elderly care post') },
  { key: 'xfgl', section: 'safetyRuleOfLaw', name: t('消防管理岗', 'Fire management post') },
  { key: 'zzwd', section: 'safetyRuleOfLaw', name: t('综治维稳岗', 'Public security post') },
];

const towns = [
  {
    key: 'sj',
    name: t('三江街道', 'Sanjiang Street'),
    communities: [t('三江社区', 'Sanjiang Community'), t('新民村', 'Xinmin Village')],
  },
  {
    key: 'th',
    name: t('通惠街道', 'Tonghui Street'),
    communities: [t('通惠社区', 'Tonghui Community'), t('石佛岗社区', 'Shifogang Community')],
  },
];

const DISTRICT = 'qj';

const surnames =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const givenNames = [
  '臣香',
  '建国',
  '秀英',
  '志强',
  '丽华',
  '伟',
  '敏',
  '静',
  '磊',
  '洋',
  '芳',
  '军',
  '霞',
  '平',
  '刚',
  '桂英',
  '勇',
  '燕',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞飞',
  '林',
  '红',
  '玉兰',
  '春梅',
  '海燕',
  '德华',
];
let people = 0;
/** A deterministic Chinese personal name for the next sample member (王臣香 is the article's grid worker). */
function person(): string {
  const n = people++;
  return `${surnames[n % surnames.length]}${givenNames[(n * 7) % givenNames.length]}`;
}
const sectionNames: Record<SectionId, string> = {
  partyBuilding: '党的建设',
  economicDevelopment: '经济发展',
  livelihoodServices: '民生服务',
  safetyRuleOfLaw: '平安法治',
};

function build(): Org {
  const units: OrgUnit[] = [
    { id: 'cq', level: 'city', parentId: null, name: t('重庆市', 'Chongqing') },
    { id: DISTRICT, level: 'district', parentId: 'cq', name: t('綦江区', 'Qijiang District') },
  ];
  const posts: Post[] = [];
  const members: Member[] = [
    {
      id: 'qj-ops-1',
      name: person(),
      role: 'cityOperator',
      unitId: DISTRICT,
      departmentId: 'qj-cyzx',
    },
  ];
  const departments: Org['departments'] = [
    {
      id: 'qj-cyzx',
      districtId: DISTRICT,
      kind: 'cityOperationsCenter',
      name: t('綦江区城运中心', 'Qijiang city-operations center'),
    },
    {
      id: 'qj-cgj',
      districtId: DISTRICT,
      kind: 'department',
      name: t('区城市管理局', 'District city management bureau'),
    },
    {
      id: 'qj-fire',
      districtId: DISTRICT,
      kind: 'department',
      name: t('区消防救援支队', 'District fire and rescue brigade'),
    },
    {
      id: 'qj-police',
      districtId: DISTRICT,
      kind: 'department',
      name: t('区公安分局', 'District public security bureau'),
    },
    {
      id: 'qj-env',
      districtId: DISTRICT,
      kind: 'department',
      name: t('区生态环境局', 'District ecology and environment bureau'),
    },
    {
      id: 'qj-power',
      districtId: DISTRICT,
      kind: 'department',
      name: t('区供电公司', 'District power supply company'),
    },
  ];
  for (const d of departments) {
    if (d.kind === 'department') {
      members.push({
        id: `${d.id}-staff`,
        name: person(),
        role: 'departmentStaff',
        unitId: DISTRICT,
        departmentId: d.id,
      });
    }
  }
  for (const town of towns) {
    const townId = `${DISTRICT}-${town.key}`;
    units.push({ id: townId, level: 'town', parentId: DISTRICT, name: town.name });
    members.push(
      {
        id: `${townId}-commander`,
        name: person(),
        role: 'commander',
        unitId: townId,
      },
      {
        id: `${townId}-duty`,
        name: person(),
        role: 'dutyOfficer',
        unitId: townId,
      },
      {
        id: `${townId}-duty2`,
        name: person(),
        role: 'dutyOfficer',
        unitId: townId,
      },
      { id: `${townId}-sensor`, name: `${town.name.zh}物联感知`, role: 'sensor', unitId: townId },
    );
    for (const section of [
      'partyBuilding',
      'economicDevelopment',
      'livelihoodServices',
      'safetyRuleOfLaw',
    ] as const) {
      members.push({
        id: `${townId}-lead-${section}`,
        name: `${person()}（${sectionNames[section]}分管领导）`,
        role: 'sectionLead',
        unitId: townId,
        section,
      });
    }
    for (const p of postTemplates) {
      const postId = `${townId}-${p.key}`;
      posts.push({ id: postId, townId, section: p.section, name: p.name });
      members.push({
        id: `${postId}-staff`,
        name: person(),
        role: 'postStaff',
        unitId: townId,
        postId,
      });
    }
    town.communities.forEach((cname, ci) => {
      const communityId = `${townId}-c${ci + 1}`;
      units.push({ id: communityId, level: 'community', parentId: townId, name: cname });
      members.push({
        id: `${communityId}-staff`,
        name: person(),
        role: 'communityStaff',
        unitId: communityId,
      });
      for (let gi = 1; gi <= 2; gi++) {
        const gridId = `${communityId}-g${gi}`;
        units.push({
          id: gridId,
          level: 'grid',
          parentId: communityId,
          name: t(`${cname.zh}第${gi}网格`, `${cname.en} grid ${gi}`),
        });
        members.push(
          { id: `${gridId}-chief`, name: person(), role: 'gridChief', unitId: gridId },
          {
            id: `${gridId}-worker`,
            // the article's grid worker who reported the river (王臣香) works the first grid
            name: gridId === 'qj-sj-c1-g1' ? '王臣香' : person(),
            role: 'gridWorker',
            unitId: gridId,
          },
          {
            id: `${gridId}-rider`,
            name: `${person()}（外卖骑手）`,
            role: 'partTimeGridWorker',
            unitId: gridId,
          },
          {
            id: `${gridId}-instructor`,
            name: person(),
            role: 'gridInstructor',
            unitId: gridId,
          },
          { id: `${gridId}-resident`, name: person(), role: 'resident', unitId: gridId },
        );
      }
    });
  }
  return { units, posts, departments, members };
}

/**
 * A sample org for tests, demos and the designer: 綦江区 (Qijiang District, in Chongqing) with
 * two streets, 三江街道 (`qj-sj`) and 通惠街道 (`qj-th`); each has a command center (commander,
 * two duty officers of the 运行岗), a lead for each of the four sections, seven posts (among
 * them 村镇建设岗 `…-czjs` and 消防管理岗 `…-xfgl`), two communities of two grids each, and a
 * grid chief, full-time and part-time grid worker, instructor and resident in every grid. The
 * district has its city-operations center (`qj-cyzx`) and five departments, among them the
 * city management bureau (`qj-cgj`). Ids are stable: `qj-sj-c1-g1-worker` is the full-time grid
 * worker of 三江社区's first grid.
 *
 * @example
 * ```ts
 * import { sampleOrg } from '@zhizhi/core/sample';
 * sampleOrg.posts.filter((p) => p.townId === 'qj-sj').length; // 7
 * ```
 */
export const sampleOrg: Org = build();
