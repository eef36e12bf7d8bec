// Renders docs/sample-org.md and docs/sample-org.zh-CN.md from an org (the sample org) and the
// scenarios written against it. Pure: scripts/emitSampleOrgDocs.ts writes the files, and
// test/sampleOrgDocs.test.ts fails when the committed files differ from what this renders now.
import { label } from '../src/i18n/labels.js';
import type { Department, Member, Org, OrgUnit, Post } from '../src/org/orgSchema.js';
import { roles, sections } from '../src/org/roles.js';
import type { Scenario } from '../src/scenario/document/scenarioSchema.js';

type DocLang = 'en' | 'zh-CN';

/** The two generated files, relative to the repository root, with their language. */
export const sampleOrgDocFiles = [
  { path: 'docs/sample-org.md', lang: 'en' },
  { path: 'docs/sample-org.zh-CN.md', lang: 'zh-CN' },
] as const satisfies readonly { path: string; lang: DocLang }[];

const code = (id: string) => `\`${id}\``;
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

/** Everything the docs say about one org, indexed once. */
function indexOrg(org: Org) {
  const unit = new Map(org.units.map((u) => [u.id, u]));
  const post = new Map(org.posts.map((p) => [p.id, p]));
  const department = new Map(org.departments.map((d) => [d.id, d]));
  const childrenOf = (id: string, level: OrgUnit['level']) =>
    org.units.filter((u) => u.parentId === id && u.level === level);
  const membersAt = (unitId: string) => org.members.filter((m) => m.unitId === unitId);
  return { unit, post, department, childrenOf, membersAt };
}

/**
 * The Markdown of the sample-org page in one language: the district and its towns with their
 * command centers, communities and grids; the four sections and their posts; the departments
 * and city-operations center; every member by place; and which ids go where in a scenario.
 */
export function renderOrgDoc(org: Org, scenarios: readonly Scenario[], lang: DocLang): string {
  const en = lang === 'en';
  const L = (english: string, chinese: string) => (en ? english : chinese);
  const ix = indexOrg(org);
  const name = (t: { zh: string; en: string }) => (en ? t.en : t.zh);
  const paren = (id: string) => (en ? ` (${code(id)})` : `（${code(id)}）`);
  const unitName = (id: string) => {
    const u = ix.unit.get(id);
    return u
      ? `${name(u.name)}${paren(id)}`
      : `${code(id)} ${L('(not in the org)', '（不在组织架构中）')}`;
  };
  const roleCell = (r: string) =>
    en
      ? `${label('role', r, 'en')} · ${label('role', r, 'zh-CN')} (${code(r)})`
      : `${label('role', r, 'zh-CN')}（${code(r)}）`;
  const sectionCell = (s: string) =>
    en
      ? `${label('section', s, 'en')} · ${label('section', s, 'zh-CN')} (${code(s)})`
      : `${label('section', s, 'zh-CN')}（${code(s)}）`;
  const ids = (list: readonly { id: string }[]) =>
    list.map((x) => code(x.id)).join(L(', ', '、')) || '—';
  const memberIds = (list: readonly Member[]) =>
    list.map((m) => `${code(m.id)} ${m.name}`).join(L('; ', '；')) || '—';

  const districts = org.units.filter((u) => u.level === 'district');
  const towns = org.units.filter((u) => u.level === 'town');
  const communities = org.units.filter((u) => u.level === 'community');
  const grids = org.units.filter((u) => u.level === 'grid');
  const centers = org.departments.filter((d) => d.kind === 'cityOperationsCenter');
  const departments = org.departments.filter((d) => d.kind === 'department');
  const staffOf = (d: Department) => org.members.filter((m) => m.departmentId === d.id);
  const postStaff = (p: Post) => org.members.filter((m) => m.postId === p.id);

  const out: string[] = [];
  const say = (...parts: string[]) => out.push(parts.join('\n'), '');

  // ---- header
  say(
    L(
      `# The sample org (示例组织架构: ${districts.map((d) => d.name.zh).join('、')})`,
      `# 示例组织架构（${districts.map((d) => d.name.zh).join('、')}）`,
    ),
  );
  say(
    L(
      '<!-- Generated from `sampleOrg` by packages/core/scripts/emitSampleOrgDocs.ts (run by `pnpm build`). Do not edit by hand: packages/core/test/sampleOrgDocs.test.ts fails when this file differs from what the script writes. -->',
      '<!-- 由 packages/core/scripts/emitSampleOrgDocs.ts 根据 `sampleOrg` 生成（`pnpm build` 时运行）。请勿手改：本文件与脚本的输出不一致时，packages/core/test/sampleOrgDocs.test.ts 会失败。 -->',
    ),
  );
  say(L('[中文](sample-org.zh-CN.md) · English', '中文 · [English](sample-org.md)'));
  say(
    L(
      `Every TypeScript snippet of the guides, the five built-in scenarios and the \`zhizhi\` command line (without \`--org\`) run against this org: \`sampleOrg\` from \`@zhizhi/core/sample\`. It has ${districts.length} district, ${towns.length} towns (streets), ${communities.length} communities, ${grids.length} grids, ${org.posts.length} posts, ${org.departments.length} departments (among them ${centers.length} city-operations center) and ${org.members.length} members. Ids are stable. To check a scenario against your own org, pass \`--org\` (see [examples/org](../examples/org/README.md) for an org file to copy), and replace the post, department and center ids below with yours.`,
      `各指南中的 TypeScript 示例、五个内置场景以及不带 \`--org\` 的 \`zhizhi\` 命令行，都按这个组织架构运行：\`@zhizhi/core/sample\` 中的 \`sampleOrg\`。它有 ${districts.length} 个区县、${towns.length} 个镇街、${communities.length} 个村（社区）、${grids.length} 个网格、${org.posts.length} 个岗位、${org.departments.length} 个部门（其中城运中心 ${centers.length} 个）和 ${org.members.length} 名成员。各 id 保持不变。要按你们自己的组织架构校验场景，请传入 \`--org\`（可复制的组织架构文件见 [examples/org](../examples/org/README.md)），并把下面的岗位、部门、中心 id 换成你们自己的。`,
    ),
  );
  say(
    L('## Contents\n', '## 目录\n'),
    L(
      [
        '- [Which ids to use in a scenario](#which-ids-to-use-in-a-scenario)',
        '- [The district and its towns](#the-district-and-its-towns)',
        '- [Communities and grids](#communities-and-grids)',
        '- [Sections and posts](#sections-and-posts)',
        '- [Departments and the city-operations center](#departments-and-the-city-operations-center)',
        '- [Members](#members)',
      ].join('\n'),
      [
        '- [场景里用哪些 id](#场景里用哪些-id)',
        '- [区县与镇街](#区县与镇街)',
        '- [村（社区）与网格](#村社区与网格)',
        '- [板块与岗位](#板块与岗位)',
        '- [区县部门与城运中心](#区县部门与城运中心)',
        '- [成员](#成员)',
      ].join('\n'),
    ),
  );

  // ---- which ids go where
  const postsByTown = towns
    .map((t) => `${name(t.name)}${L(': ', '：')}${ids(org.posts.filter((p) => p.townId === t.id))}`)
    .join('<br>');
  say(L('## Which ids to use in a scenario', '## 场景里用哪些 id'));
  say(
    L(
      'A scenario names the org in its steps and `participants`. With an org (`validateScenario(doc, directory)`, or the command line) every post, department, center, community and grid id must exist in it (`scenario.unknownPost`, `scenario.unknownDepartment`, `scenario.unknownCenter`, `scenario.unknownRecipient`), and every one a step uses must be listed in `participants` (`scenario.undeclaredParticipant`).',
      '场景在步骤和 `participants` 中引用组织架构。有组织架构时（`validateScenario(doc, directory)` 或命令行），每个岗位、部门、中心、村（社区）和网格 id 都必须存在（`scenario.unknownPost`、`scenario.unknownDepartment`、`scenario.unknownCenter`、`scenario.unknownRecipient`），步骤用到的每一个都必须列在 `participants` 里（`scenario.undeclaredParticipant`）。',
    ),
  );
  say(
    table(
      [
        L('What', '对象'),
        L('Where in a scenario', '场景中的位置'),
        L('Ids in the sample org', '示例组织架构中的 id'),
      ],
      [
        [
          L('A role', '角色'),
          L(
            '`assignee.role`, a manual trigger\'s `roles`, a recipient `{ "kind": "role" }`, `participants.roles`',
            '`assignee.role`、手动触发的 `roles`、接收方 `{ "kind": "role" }`、`participants.roles`',
          ),
          L(
            `${roles.length} roles, e.g. ${code('gridWorker')}, ${code('dutyOfficer')}, ${code('postStaff')} (see [Members](#members))`,
            `共 ${roles.length} 个角色，如 ${code('gridWorker')}、${code('dutyOfficer')}、${code('postStaff')}（见[成员](#成员)）`,
          ),
        ],
        [
          L('A post (岗位)', '岗位'),
          L(
            '`assignee.post`, `dispatch.lead` / `coHandlers` `{ "kind": "post" }`, a recipient `{ "kind": "post" }`, `participants.posts`',
            '`assignee.post`、派单的 `lead` / `coHandlers` `{ "kind": "post" }`、接收方 `{ "kind": "post" }`、`participants.posts`',
          ),
          postsByTown,
        ],
        [
          L('A department (部门)', '区县部门'),
          L(
            '`assignee.department`, `dispatch.lead` / `coHandlers` `{ "kind": "department" }`, a recipient `{ "kind": "department" }`, `participants.departments`',
            '`assignee.department`、派单的 `lead` / `coHandlers` `{ "kind": "department" }`、接收方 `{ "kind": "department" }`、`participants.departments`',
          ),
          ids(departments),
        ],
        [
          L('The city-operations center (城运中心)', '城运中心'),
          L(
            'a recipient `{ "kind": "cityOperationsCenter" }`, `participants.centers` — never a dispatch lead or co-handler (`scenario.centerNotHandler`)',
            '接收方 `{ "kind": "cityOperationsCenter" }`、`participants.centers`——不能作为派单的主办或协办单位（`scenario.centerNotHandler`）',
          ),
          ids(centers),
        ],
        [
          L("A town's command center (指挥中心)", '镇街指挥中心'),
          L(
            'a recipient `{ "kind": "commandCenter" }` and `participants.centers`, by the town\'s id',
            '接收方 `{ "kind": "commandCenter" }` 和 `participants.centers`，填镇街的 id',
          ),
          ids(towns),
        ],
        [
          L('A community (村/社区)', '村（社区）'),
          L('a recipient `{ "kind": "community" }`', '接收方 `{ "kind": "community" }`'),
          ids(communities),
        ],
        [
          L('A grid (网格)', '网格'),
          L(
            'a recipient `{ "kind": "grid" }`; the `gridId` an instance starts in',
            '接收方 `{ "kind": "grid" }`；实例发起时的 `gridId`',
          ),
          ids(grids),
        ],
        [
          L('A family (家属)', '家属'),
          L(
            'a recipient `{ "kind": "family" }`: the instance\'s own contacts, not looked up in the org',
            '接收方 `{ "kind": "family" }`：实例自己的联系人，不在组织架构中查找',
          ),
          '—',
        ],
        [
          L('A sensor (感知设备)', '感知设备'),
          L(
            'the member that starts `sensor` triggers (`onAlert(event, by)`) and may send `SIGNAL` and `EVENT`; one per town',
            '发起 `sensor` 触发（`onAlert(event, by)`）、可发送 `SIGNAL` 和 `EVENT` 的成员；每个镇街一个',
          ),
          ids(org.members.filter((m) => m.role === 'sensor')),
        ],
      ],
    ),
  );
  say(
    L(
      "A post belongs to one town: a scenario that dispatches to a `qj-sj-…` post runs only for instances in that town (elsewhere `start` refuses it with `run.outsideTown`; see [Known limits](scenarios.md#known-limits-已知限制)). Who may send a command to an instance (`by`, or `actor` in an event script) is a member of the instance's town or a district-level member — pick them from [Members](#members).",
      '岗位属于某一个镇街：派单到 `qj-sj-…` 岗位的场景只适用于该镇街的实例（在其他地方 `start` 会以 `run.outsideTown` 拒绝；见[已知限制](scenarios.zh-CN.md#已知限制)）。能向实例发送命令的（`by`，或事件脚本中的 `actor`）是实例所在镇街的成员或区县一级的成员——从[成员](#成员)中挑选。',
    ),
  );
  if (scenarios.length > 0) {
    say(L('The built-in scenarios use:', '内置场景用到的参与方：'));
    say(
      table(
        [
          L('Scenario', '场景'),
          L('Roles', '角色'),
          L('Posts', '岗位'),
          L('Departments', '部门'),
          L('Centers', '中心'),
        ],
        scenarios.map((s) => [
          `${code(s.id)} ${name(s.name)}`,
          s.participants.roles.map(code).join(L(', ', '、')) || '—',
          (s.participants.posts ?? []).map(code).join(L(', ', '、')) || '—',
          (s.participants.departments ?? []).map(code).join(L(', ', '、')) || '—',
          (s.participants.centers ?? []).map(code).join(L(', ', '、')) || '—',
        ]),
      ),
    );
  }

  // ---- district and towns
  say(L('## The district and its towns', '## 区县与镇街'));
  say(
    table(
      [L('Id', 'id'), L('Level', '层级'), '中文', 'English', L('Parent', '上级')],
      org.units
        .filter((u) => u.level === 'city' || u.level === 'district' || u.level === 'town')
        .map((u) => [
          code(u.id),
          `${label('level', u.level, lang)}${paren(u.level)}`,
          u.name.zh,
          u.name.en,
          u.parentId === null ? '—' : code(u.parentId),
        ]),
    ),
  );
  say(
    L(
      "Each town's command center (指挥中心) has no id of its own: it is named by the town's id (a `commandCenter` recipient). It is staffed by the town's commander and duty officers:",
      '镇街指挥中心没有单独的 id，用镇街的 id 表示（接收方类型 `commandCenter`）。指挥中心由镇街的指挥长和值班员组成：',
    ),
  );
  say(
    table(
      [
        L('Town', '镇街'),
        L('Command center (recipient id)', '指挥中心（接收方 id）'),
        roleCell('commander'),
        roleCell('dutyOfficer'),
        roleCell('sensor'),
        L('Communities', '村（社区）'),
      ],
      towns.map((t) => {
        const at = ix.membersAt(t.id);
        return [
          unitName(t.id),
          code(t.id),
          memberIds(at.filter((m) => m.role === 'commander')),
          memberIds(at.filter((m) => m.role === 'dutyOfficer')),
          memberIds(at.filter((m) => m.role === 'sensor')),
          ids(ix.childrenOf(t.id, 'community')),
        ];
      }),
    ),
  );

  // ---- communities and grids
  say(L('## Communities and grids', '## 村（社区）与网格'));
  say(
    table(
      [
        L('Community', '村（社区）'),
        '中文',
        'English',
        L('Town', '镇街'),
        roleCell('communityStaff'),
        L('Grids', '网格'),
      ],
      communities.map((c) => [
        code(c.id),
        c.name.zh,
        c.name.en,
        c.parentId === null ? '—' : unitName(c.parentId),
        memberIds(ix.membersAt(c.id).filter((m) => m.role === 'communityStaff')),
        ids(ix.childrenOf(c.id, 'grid')),
      ]),
    ),
  );
  const everyGrid = roles.filter(
    (r) => grids.length > 0 && grids.every((g) => ix.membersAt(g.id).some((m) => m.role === r)),
  );
  if (everyGrid.length > 0) {
    say(
      L(
        `Every grid has: ${everyGrid.map((r) => `${label('role', r, 'en').toLowerCase()} (${code(r)})`).join(', ')} (see [Members](#members)).`,
        `每个网格都有：${everyGrid.map((r) => `${label('role', r, 'zh-CN')}（${code(r)}）`).join('、')}（见[成员](#成员)）。`,
      ),
    );
  }
  say(
    table(
      [L('Grid', '网格'), '中文', 'English', L('Community', '村（社区）'), L('Town', '镇街')],
      communities.flatMap((c) =>
        ix
          .childrenOf(c.id, 'grid')
          .map((g) => [
            code(g.id),
            g.name.zh,
            g.name.en,
            unitName(c.id),
            c.parentId === null ? '—' : unitName(c.parentId),
          ]),
      ),
    ),
  );
  const orphanGrids = grids.filter((g) => ix.unit.get(g.parentId ?? '')?.level !== 'community');
  if (orphanGrids.length > 0) {
    say(L('Grids not under a community:', '不在任何村（社区）下的网格：'), ids(orphanGrids));
  }

  // ---- sections and posts
  say(L('## Sections and posts', '## 板块与岗位'));
  say(
    L(
      'Every town has four sections (板块), each led by a section lead (a member with role `sectionLead` and its `section`), and each holding posts (岗位). A post belongs to one town and one section; its staff are the members whose `postId` is the post.',
      '每个镇街有四个板块，各由一名板块负责人（角色为 `sectionLead`、带 `section` 的成员）分管，每个板块下设若干岗位。岗位属于一个镇街的一个板块；岗位人员是 `postId` 为该岗位的成员。',
    ),
  );
  say(
    table(
      [
        L('Section id', '板块 id'),
        '中文',
        'English',
        ...towns.map((t) => L(`Lead in ${name(t.name)}`, `${name(t.name)}负责人`)),
        L('Posts', '岗位数'),
      ],
      sections.map((s) => [
        code(s),
        label('section', s, 'zh-CN'),
        label('section', s, 'en'),
        ...towns.map((t) =>
          memberIds(ix.membersAt(t.id).filter((m) => m.role === 'sectionLead' && m.section === s)),
        ),
        towns
          .map((t) => {
            const n = org.posts.filter((p) => p.townId === t.id && p.section === s).length;
            return `${name(t.name)}${L(': ', '：')}${n}`;
          })
          .join(L(', ', '，')),
      ]),
    ),
  );
  for (const t of towns) {
    say(`### ${name(t.name)}${paren(t.id)}`);
    const posts = sections.flatMap((s) =>
      org.posts.filter((p) => p.townId === t.id && p.section === s),
    );
    say(
      table(
        [L('Post id', '岗位 id'), '中文', 'English', L('Section', '板块'), roleCell('postStaff')],
        posts.map((p) => [
          code(p.id),
          p.name.zh,
          p.name.en,
          sectionCell(p.section),
          memberIds(postStaff(p)),
        ]),
      ),
    );
  }
  const strayPosts = org.posts.filter((p) => ix.unit.get(p.townId)?.level !== 'town');
  if (strayPosts.length > 0) {
    say(
      L('Posts whose town is not in the org:', '所属镇街不在组织架构中的岗位：'),
      ids(strayPosts),
    );
  }

  // ---- departments
  say(L('## Departments and the city-operations center', '## 区县部门与城运中心'));
  say(
    L(
      'Departments belong to the district. The city-operations center (城运中心, kind `cityOperationsCenter`) coordinates and oversees: it receives notifications and alerts but is never a dispatch lead or co-handler.',
      '部门属于区县。城运中心（类型 `cityOperationsCenter`）负责统筹和督办：接收通知和预警，但不能作为派单的主办或协办单位。',
    ),
  );
  say(
    table(
      [
        L('Id', 'id'),
        L('Kind', '类型'),
        '中文',
        'English',
        L('District', '区县'),
        L('Staff', '人员'),
      ],
      [...centers, ...departments].map((d) => [
        code(d.id),
        d.kind === 'cityOperationsCenter'
          ? L('city-operations center', '城运中心')
          : L('department', '部门'),
        d.name.zh,
        d.name.en,
        code(d.districtId),
        memberIds(staffOf(d)),
      ]),
    ),
  );

  // ---- members
  say(L('## Members', '## 成员'));
  say(
    L(
      "Every member by place: the district, then each town with its communities and grids. A member's id is what `by` (or `actor` in an event script) names. Roles:",
      '按所在位置列出全部成员：先区县，再各镇街及其村（社区）、网格。成员 id 就是 `by`（事件脚本中为 `actor`）要填的值。角色：',
    ),
  );
  say(
    table(
      [L('Role id', '角色 id'), '中文', 'English', L('Members', '人数')],
      roles.map((r) => [
        code(r),
        label('role', r, 'zh-CN'),
        label('role', r, 'en'),
        String(org.members.filter((m) => m.role === r).length),
      ]),
    ),
  );
  say(
    L(
      '`system` is the built-in member the Engine acts as when a timer fires; the org need not declare it.',
      '`system` 是引擎在定时器触发时使用的内置成员，组织架构不必声明。',
    ),
  );
  const where = (m: Member): string => {
    if (m.postId !== undefined) {
      const p = ix.post.get(m.postId);
      return p ? `${name(p.name)}${paren(p.id)}` : code(m.postId);
    }
    if (m.departmentId !== undefined) {
      const d = ix.department.get(m.departmentId);
      return d ? `${name(d.name)}${paren(d.id)}` : code(m.departmentId);
    }
    if (m.section !== undefined) return sectionCell(m.section);
    return unitName(m.unitId);
  };
  const memberTable = (list: readonly Member[]) =>
    table(
      [
        L('Member id', '成员 id'),
        L('Name', '姓名'),
        L('Role', '角色'),
        L('Unit / post / department', '所在单位 / 岗位 / 部门'),
      ],
      list.map((m) => [code(m.id), m.name, roleCell(m.role), where(m)]),
    );
  const placed = new Set<string>();
  const group = (heading: string, list: readonly Member[]) => {
    if (list.length === 0) return;
    for (const m of list) placed.add(m.id);
    say(heading);
    say(memberTable(list));
  };
  for (const d of districts) {
    const cities = d.parentId === null ? [] : [d.parentId];
    group(
      `### ${name(d.name)}${paren(d.id)}`,
      org.members.filter((m) => m.unitId === d.id || cities.includes(m.unitId)),
    );
  }
  for (const t of towns) {
    group(`### ${name(t.name)}${paren(t.id)}`, ix.membersAt(t.id));
    for (const c of ix.childrenOf(t.id, 'community')) {
      const gridIds = ix.childrenOf(c.id, 'grid').map((g) => g.id);
      group(
        `#### ${name(c.name)}${paren(c.id)}`,
        org.members.filter((m) => m.unitId === c.id || gridIds.includes(m.unitId)),
      );
    }
  }
  group(
    L('### Elsewhere', '### 其他'),
    org.members.filter((m) => !placed.has(m.id)),
  );
  return `${out.join('\n').trimEnd()}\n`;
}
