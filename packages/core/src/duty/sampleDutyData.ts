import type { LocalizedText } from '../i18n/Lang.js';
import { builtInGridDuties } from './builtInGridDuties.js';
import type { MustNotIssueCertificate } from './communityListEntrySchemas.js';
import type { CommunityLists } from './communityListsSchema.js';
import type { GridDutyList } from './gridDutyListSchema.js';

const t = (zh: string, en: string): LocalizedText => ({ zh, en });

/**
 * The sample "6+1" list of 三江街道 (Sanjiang Street, `qj-sj`, where three rivers meet): the
 * six built-in duties plus, as its "+1", a riverside patrol twice a week with community staff
 * (the article's grid worker "regularly patrols the riverside with community staff").
 *
 * @example
 * ```ts
 * import { sampleGridDutyList } from '@zhizhi/core/duty';
 * sampleGridDutyList.duties.find((d) => d.local)?.name.zh; // '江边巡查'
 * ```
 */
export const sampleGridDutyList: GridDutyList = {
  id: 'qj-sj-6plus1',
  name: t('三江街道网格员“6+1”重点任务清单', 'Sanjiang Street grid workers’ “6+1” key-task list'),
  unitId: 'qj-sj',
  duties: [
    ...builtInGridDuties,
    {
      id: 'riversidePatrol',
      name: t('江边巡查', 'Riverside patrol'),
      description: t(
        '每周两次与社区工作人员一道沿江巡查，守护一江碧水',
        'Twice a week, patrol the riverbank with community staff to keep the river clean',
      ),
      frequency: { times: 2, per: 'P7D' },
      done: { kinds: ['patrol'] },
      local: true,
    },
  ],
};

/**
 * The rosters of the sample grid worker `qj-sj-c1-g1-worker`: key residents (重点服务对象) to
 * call or visit daily, and key places to check weekly. Ids are building-unit-room and place
 * names, made up for the sample.
 *
 * @example
 * ```ts
 * import { assessByList, sampleGridDutyList, sampleGridRoster } from '@zhizhi/core/duty';
 * assessByList(sampleGridDutyList, [], { ...sampleGridRoster, from: 0, to: 7 * 86_400_000 }).score; // 0
 * ```
 */
export const sampleGridRoster = {
  workerId: 'qj-sj-c1-g1-worker',
  households: ['11-2-301', '11-3-602', '12-1-502'],
  places: ['riverside-steps', 'garage-workshop'],
} as const;

/** One must-not-issue entry; the reason and the authority are in both languages. */
const refuse = (
  id: string,
  name: LocalizedText,
  reason: LocalizedText,
  authority: LocalizedText,
  aliases?: string[],
): MustNotIssueCertificate =>
  aliases ? { id, name, aliases, reason, authority } : { id, name, reason, authority };

const police = t('户籍所在地公安派出所', 'the police station where you are registered');

/**
 * The sample four lists and one catalogue of 新民村 (Xinmin Village, `qj-sj-c2`). The
 * must-not-issue list is the first national batch of twenty certificates that villagers' and
 * residents' committees should no longer issue (民政部等六部门, 2020) — the kind of list that
 * let the article's village go from 40+ kinds of certificates a year to almost none — each with
 * a reason and the competent authority. The other lists are illustrative: use the lists your
 * district publishes.
 *
 * @example
 * ```ts
 * import { requestCertificate, sampleCommunityLists } from '@zhizhi/core/duty';
 * requestCertificate(sampleCommunityLists, { communityId: 'qj-sj-c2', certificate: 'kinship' }).ok; // false
 * ```
 */
export const sampleCommunityLists: CommunityLists = {
  communityIds: ['qj-sj-c2'],
  villageMatters: [
    {
      id: 'villagersMeeting',
      kind: 'autonomous',
      name: t(
        '召集村民会议、村民代表会议，议事协商',
        'Convening villagers’ meetings and consultations',
      ),
      basis: t('《中华人民共和国村民委员会组织法》', 'Organic Law of the Villagers’ Committees'),
    },
    {
      id: 'affairsOpen',
      kind: 'autonomous',
      name: t('村务公开、财务公开', 'Publishing village affairs and finances'),
    },
    {
      id: 'mediation',
      kind: 'autonomous',
      name: t('调解民间纠纷', 'Mediating disputes among villagers'),
      basis: t('《中华人民共和国人民调解法》', 'People’s Mediation Law'),
    },
    {
      id: 'collectiveAssets',
      kind: 'autonomous',
      name: t('管理村集体资产', 'Managing the village’s collective assets'),
    },
    {
      id: 'environment',
      kind: 'autonomous',
      name: t('组织公共卫生和人居环境整治', 'Organizing public hygiene and clean-ups'),
    },
    {
      id: 'assistanceSurvey',
      kind: 'assisting',
      name: t('协助社会救助入户调查', 'Helping with home visits for social assistance'),
      basis: t('《社会救助暂行办法》', 'Interim Measures for Social Assistance'),
    },
    {
      id: 'gridService',
      kind: 'assisting',
      name: t('协助网格化服务管理', 'Helping with grid-based services'),
    },
    {
      id: 'recruitment',
      kind: 'assisting',
      name: t('协助征兵工作', 'Helping with military recruitment'),
    },
    {
      id: 'census',
      kind: 'assisting',
      name: t('协助人口普查等统计调查', 'Helping with the census and other surveys'),
    },
  ],
  negativeMatters: [
    {
      id: 'lawEnforcement',
      name: t(
        '行政执法（城市管理、生态环境、安全生产等）',
        'Administrative law enforcement (city management, environment, work safety…)',
      ),
      reason: t(
        '村（社区）是自治组织，不是行政执法主体',
        'A village is a self-governing body, not a law-enforcement agency',
      ),
      responsible: t(
        '区县执法部门、镇街综合行政执法队伍',
        'District law-enforcement departments and the town’s enforcement team',
      ),
    },
    {
      id: 'investmentTax',
      name: t('招商引资、协税护税任务', 'Investment-attraction and tax-collection targets'),
      reason: t('不属于村（社区）法定职责', 'Not a statutory duty of a village'),
      responsible: t('镇街及区县有关部门', 'The town and the district departments concerned'),
    },
    {
      id: 'expropriation',
      name: t('作为房屋征收拆迁实施主体', 'Carrying out house expropriation and demolition'),
      reason: t(
        '房屋征收由市、县级人民政府组织实施',
        'Expropriation is carried out by the city or county government',
      ),
      responsible: t('区县房屋征收部门', 'The district’s house-expropriation department'),
    },
    {
      id: 'enterpriseInspection',
      name: t(
        '对企业开展安全生产、食品安全监管检查',
        'Supervisory inspections of businesses for work or food safety',
      ),
      reason: t(
        '监管职责属行业主管部门；网格员发现隐患只上报',
        'Supervision belongs to the competent departments; grid workers only report hazards',
      ),
      responsible: t('区县行业主管部门', 'The district’s competent departments'),
    },
    {
      id: 'duplicateReports',
      name: t('重复填报台账、报表', 'Filling in the same ledgers and reports again'),
      reason: t(
        '数据已在基层智治平台共享，不得重复索要',
        'The data are shared on the grassroots governance platform and must not be asked for again',
      ),
      responsible: t('上级部门从平台共享获取', 'Higher levels take the data from the platform'),
    },
  ],
  mayIssue: [
    {
      id: 'collectiveMember',
      name: t('农村集体经济组织成员身份证明', 'Membership of the village collective'),
      aliases: ['集体经济组织成员证明'],
      basis: t(
        '《中华人民共和国农村集体经济组织法》',
        'Law on Rural Collective Economic Organizations',
      ),
    },
    {
      id: 'landContract',
      name: t('土地承包经营情况证明', 'Land contract certificate'),
      basis: t(
        '《中华人民共和国农村土地承包法》（村集体为发包方）',
        'Rural Land Contract Law (the village collective is the contract-issuing party)',
      ),
    },
    {
      id: 'homesteadOpinion',
      name: t(
        '农村村民建房申请村级审查意见',
        'Village review of a villager’s house-building application',
      ),
      basis: t(
        '《中华人民共和国土地管理法》及宅基地审批规定',
        'Land Administration Law and the homestead approval rules',
      ),
    },
    {
      id: 'assistanceOpinion',
      name: t('社会救助申请村级评议意见', 'Village opinion on a social-assistance application'),
      basis: t('《社会救助暂行办法》', 'Interim Measures for Social Assistance'),
    },
  ],
  mustNotIssue: [
    refuse(
      'kinship',
      t('亲属关系证明', 'Kinship certificate'),
      t(
        '亲属关系以户籍、婚姻登记等记录为准，村（社区）无法核实',
        'kinship rests on household-registration and marriage records, which a village cannot verify',
      ),
      t(
        '户籍所在地公安派出所或公证机构',
        'the police station where you are registered, or a notary office',
      ),
      ['直系亲属关系证明'],
    ),
    refuse(
      'identityInfo',
      t('居民身份信息证明', 'Identity information certificate'),
      t('身份信息由公安机关登记管理', 'identity information is registered by the police'),
      police,
    ),
    refuse(
      'hukouChange',
      t('户口登记项目内容变更申请证明', 'Certificate for changing household-registration entries'),
      t(
        '户口登记事项由公安机关依原始材料核准',
        'the police approve changes from the original documents',
      ),
      police,
    ),
    refuse(
      'dogOwnership',
      t('居民养犬证明', 'Dog ownership certificate'),
      t('养犬由养犬登记部门登记管理', 'dogs are registered by the dog-registration authority'),
      t('当地养犬登记管理部门', 'the local dog-registration authority'),
    ),
    refuse(
      'noCriminalRecord',
      t('无犯罪记录证明', 'No-criminal-record certificate'),
      t('犯罪记录由公安机关掌握', 'criminal records are held by the police'),
      t('户籍地或居住地公安派出所', 'the police station where you are registered or live'),
      ['无违法犯罪记录证明'],
    ),
    refuse(
      'rehabConduct',
      t(
        '社区戒毒社区康复人员情况证明',
        'Conduct certificate of a person in community drug rehabilitation',
      ),
      t(
        '情况由社区戒毒社区康复工作机构掌握',
        'the record is kept by the community rehabilitation office',
      ),
      t('镇街社区戒毒社区康复工作办公室', 'the town’s community drug-rehabilitation office'),
    ),
    refuse(
      'missingPerson',
      t('人员失踪证明', 'Missing-person certificate'),
      t('宣告失踪须由人民法院依法判决', 'only a court can declare a person missing'),
      t('人民法院；报案回执向公安机关申请', 'a people’s court; for a report receipt, the police'),
    ),
    refuse(
      'maritalStatus',
      t('婚姻状况证明', 'Marital status certificate'),
      t(
        '婚姻状况以婚姻登记档案为准，也可由本人书面声明',
        'marital status rests on marriage records, or on your own written statement',
      ),
      t('婚姻登记机关（或本人书面承诺）', 'the marriage registry (or your own written statement)'),
      ['单身证明', '未婚证明'],
    ),
    refuse(
      'birth',
      t('出生证明', 'Birth certificate'),
      t(
        '《出生医学证明》由助产医疗机构签发',
        'the Medical Birth Certificate is issued where the baby was delivered',
      ),
      t('助产医疗机构', 'the hospital or clinic where the baby was delivered'),
      ['出生医学证明'],
    ),
    refuse(
      'alive',
      t('健在证明', 'Proof of being alive'),
      t(
        '养老金等待遇资格由社保经办机构认证，可线上刷脸',
        'pension eligibility is confirmed by the social-insurance agency, also online by face check',
      ),
      t('社会保险经办机构', 'the social-insurance agency'),
      ['生存证明'],
    ),
    refuse(
      'death',
      t('死亡证明', 'Death certificate'),
      t(
        '死亡医学证明由医疗卫生机构或公安机关出具',
        'the medical death certificate is issued by a health institution or the police',
      ),
      t('医疗卫生机构或公安机关', 'a health institution or the police'),
    ),
    refuse(
      'illness',
      t('疾病状况证明', 'Illness certificate'),
      t('疾病须由医疗机构诊断', 'illness is diagnosed by a medical institution'),
      t('医疗机构', 'a medical institution'),
    ),
    refuse(
      'disability',
      t('残疾状况证明', 'Disability certificate'),
      t(
        '残疾以《残疾人证》和指定机构评定为准',
        'disability rests on the Disability Card and an appointed assessment',
      ),
      t('区县残疾人联合会', 'the district disabled persons’ federation'),
    ),
    refuse(
      'fertility',
      t('婚育状况证明', 'Marriage and childbirth status certificate'),
      t('生育登记由卫生健康部门办理', 'births are registered by the health commission'),
      t(
        '镇街卫生健康部门（或本人书面承诺）',
        'the town’s health office (or your own written statement)',
      ),
      ['生育状况证明'],
    ),
    refuse(
      'employment',
      t('居民就业状况证明', 'Employment status certificate'),
      t(
        '就业失业登记由公共就业服务机构办理',
        'employment and unemployment are registered by public employment services',
      ),
      t('公共就业服务机构', 'public employment services'),
    ),
    refuse(
      'personalFile',
      t('居民个人档案证明', 'Personal file certificate'),
      t('档案由档案保管机构出具', 'files are certified by whoever keeps them'),
      t('人事档案保管机构', 'the institution keeping your personnel file'),
    ),
    refuse(
      'property',
      t('居民财产证明', 'Property certificate'),
      t('财产以登记机关和金融机构的记录为准', 'property rests on registry and bank records'),
      t(
        '不动产登记机构、车辆管理所或开户银行',
        'the real-estate registry, vehicle office or your bank',
      ),
    ),
    refuse(
      'inheritance',
      t('遗产继承权证明', 'Inheritance right certificate'),
      t('继承权须经公证或人民法院确认', 'a right to inherit is confirmed by a notary or a court'),
      t('公证机构或人民法院', 'a notary office or a people’s court'),
    ),
    refuse(
      'businessPremises',
      t('市场主体住所证明', 'Business premises certificate'),
      t(
        '住所以产权证明或租赁合同为准，登记时申报承诺',
        'premises rest on title or lease documents declared at registration',
      ),
      t(
        '市场监管部门（登记时提交产权或租赁证明）',
        'the market regulator (submit title or lease documents)',
      ),
    ),
    refuse(
      'lostDocument',
      t('证件遗失证明', 'Lost document certificate'),
      t(
        '证件遗失由原发证机关补办，本人声明即可',
        'a lost document is reissued by its issuer on your own statement',
      ),
      t('原发证机关', 'the authority that issued the document'),
    ),
  ],
  signage: [
    {
      id: 'partyOrganization',
      name: t('村党组织', 'Village Party organization'),
      placement: 'exterior',
    },
    {
      id: 'villagersCommittee',
      name: t('村民委员会', 'Villagers’ committee'),
      placement: 'exterior',
    },
    {
      id: 'supervisionCommittee',
      name: t('村务监督委员会', 'Village affairs supervision committee'),
      placement: 'exterior',
    },
    {
      id: 'collectiveOrganization',
      name: t('村集体经济组织', 'Village collective economic organization'),
      placement: 'exterior',
    },
    {
      id: 'civilizationStation',
      name: t('新时代文明实践站', 'New-era civilization practice station'),
      placement: 'interior',
    },
    {
      id: 'gridStation',
      name: t('综治中心（网格服务站）', 'Comprehensive governance center (grid service station)'),
      placement: 'interior',
    },
    {
      id: 'mediationCommittee',
      name: t('人民调解委员会', 'People’s mediation committee'),
      placement: 'interior',
    },
    {
      id: 'serviceStation',
      name: t('便民服务站', 'Convenience service station'),
      placement: 'interior',
    },
  ],
};
