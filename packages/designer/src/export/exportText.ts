import type { Lang } from '@zhizhi/core';

/** Every user-facing string of the export menu and the deploy dialog, `[zh-CN, English]`. */
const texts = {
  export: ['导出', 'Export'],
  embed: ['导出嵌入代码', 'Export embed snippet'],
  testPaths: ['导出测试路径（事件文件）', 'Export test paths (events files)'],
  blocked: ['仍有错误，不能导出', 'Fix the errors before exporting'],
  embedRefused: ['嵌入代码未导出', 'Embed snippet not exported'],
  deploy: ['部署', 'Deploy'],
  deployTo: ['部署到服务器', 'Deploy to the server'],
  deployBlocked: ['仍有错误，不能部署', 'Fix the errors before deploying'],
  loading: ['正在读取已部署的版本…', 'Reading the deployed version…'],
  firstVersion: [
    '服务器上还没有此场景：将部署第一个版本',
    'The server has no such scenario yet: this deploys its first version',
  ],
  against: ['与已部署的版本比较', 'Compared with the deployed version'],
  noChanges: ['与已部署的版本相同', 'The same as the deployed version'],
  sameVersion: [
    '版本号与已部署的相同，但内容不同：请先改版本号',
    'Same version number as the deployed one, but different content: change the version first',
  ],
  confirm: ['确认部署', 'Deploy now'],
  cancel: ['取消', 'Cancel'],
  deployed: ['已部署', 'Deployed'],
  deployFailed: ['服务器拒绝了部署：', 'The server refused the deployment:'],
  unreachable: ['无法连接服务器', 'The server cannot be reached'],
} as const;

/** A key of the export and deploy string table. @internal */
export type ExportTextKey = keyof typeof texts;

/**
 * An export-menu or deploy-dialog string in the reader's language.
 *
 * @example
 * ```ts
 * import { exportText } from '@zhizhi/designer';
 * exportText('deploy', 'zh-CN'); // '部署'
 * ```
 */
export function exportText(key: ExportTextKey, lang: Lang): string {
  const [zh, en] = texts[key];
  return lang === 'en' ? en : zh;
}
