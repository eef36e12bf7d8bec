import type { AuditEntry, Directory, Lang, Notification, Recipient } from '@zhizhi/core';
import { pickText } from '@zhizhi/core';
import { label } from '@zhizhi/core/labels';

/** What a recipient that is not a post, department or member is, in zh-CN and English. */
const recipientKinds: Record<
  Exclude<Recipient['kind'], 'post' | 'department' | 'member' | 'grid' | 'community'>,
  [string, string]
> = {
  commandCenter: ['指挥中心', 'command center'],
  commander: ['指挥长', 'commander'],
  cityOperationsCenter: ['城市运行中心', 'city operations center'],
  sectionLead: ['板块负责人', 'section lead'],
};

/**
 * Formats times, members, audit entries and notifications for the console, in zh-CN or
 * English, from the org's own bilingual names and core's labels.
 *
 * @example
 * ```ts
 * import { Directory } from '@zhizhi/core';
 * import { sampleOrg } from '@zhizhi/core/sample';
 * import { describe } from './describe.js';
 * const say = describe(new Directory(sampleOrg), 'en');
 * say.member('qj-sj-duty'); // '… (Duty officer)'
 * ```
 */
export function describe(directory: Directory, lang: Lang) {
  const zh = lang === 'zh-CN';
  const time = (ms: number) =>
    new Date(ms).toLocaleString(zh ? 'zh-CN' : 'en-GB', {
      timeZone: 'Asia/Shanghai',
      dateStyle: 'short',
      timeStyle: 'short',
    });
  const member = (id: string) => {
    const m = directory.member(id);
    if (!m) return id;
    const post = m.postId ? directory.post(m.postId) : undefined;
    const place = post ? pickText(post.name, lang) : label('role', m.role, lang);
    return zh ? `${m.name}（${place}）` : `${m.name} (${place})`;
  };
  const target = (t: { kind: string; id: string }) =>
    t.kind === 'post'
      ? pickText(directory.post(t.id)?.name ?? { zh: t.id, en: t.id }, lang)
      : pickText(directory.department(t.id)?.name ?? { zh: t.id, en: t.id }, lang);
  const entry = (e: AuditEntry) => {
    const lead = e.data?.lead ? ` → ${target(e.data.lead as { kind: string; id: string })}` : '';
    const from = e.from ? label('status', e.from, lang) : '∅';
    const note = e.note ? (zh ? `  「${e.note}」` : `  "${e.note}"`) : '';
    return `${time(e.at)}  #${e.seq} ${label('event', e.event, lang)}${lead}  [${from} → ${label('status', e.to, lang)}]  ${member(e.actorId)}${note}`;
  };
  const recipient = (r: Recipient) => {
    if (r.kind === 'post' || r.kind === 'department') return target(r);
    if (r.kind === 'member') return member(r.id);
    const unit = directory.unit(r.id);
    const where = unit ? pickText(unit.name, lang) : r.id;
    if (r.kind === 'grid' || r.kind === 'community') return where; // its name says what it is
    const [kindZh, kindEn] = recipientKinds[r.kind];
    return zh ? `${where}${kindZh}` : `${where} ${kindEn}`;
  };
  const notification = (n: Notification) => {
    const to = n.to.map(recipient);
    return `${zh ? '通知' : 'notify'} ${label('event', n.topic, lang)} → ${to.join(zh ? '、' : ', ')}`;
  };
  return { time, member, target, recipient, entry, notification };
}
