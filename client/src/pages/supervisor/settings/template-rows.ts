import { zhCN as messages } from '@shared/messages/zh-CN';
import { NoticeKind } from '@shared/model/outbox.model';
import { DEFAULT_NOTICE_PAGE, FieldSource, type NoticeTemplate } from '@shared/model/settings.model';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';

/** One notice kind's subscribe-message template as typed: '' id is none; fields as "thing1=标题 time2=时间". */
export interface TemplateRow {
  kind: NoticeKind;
  id: string;
  page: string;
  fields: string;
}

const sourceByLabel = new Map<string, string>(FieldSource.options.flatMap((source) => [[source, source], [supervisorUi.settings.factNames[source], source]]));

/** "thing1=标题 time3=时间": a template's fields as the manager reads and types them. */
export const fieldsText = (fields: NoticeTemplate['fields']): string => fields.map((f) => `${f.key}=${supervisorUi.settings.factNames[f.source]}`).join(' ');

/**
 * Fields as typed, separated by spaces or commas, each "thing1=标题" (or with ：/:). A piece that is
 * not one is kept as it is, so the contract refuses it and the section says how to write it.
 */
export const parseFields = (typed: string): { key: string; source: string }[] =>
  typed
    .split(/[,，、;；\s]+/)
    .filter(Boolean)
    .map((piece) => {
      const m = /^([a-z_]+\d+)[=:：](.+)$/.exec(piece);
      return m ? { key: m[1]!, source: sourceByLabel.get(m[2]!) ?? m[2]! } : { key: piece, source: '' };
    });

export const templateRows = (templates: readonly NoticeTemplate[]): TemplateRow[] =>
  NoticeKind.options.map((kind) => {
    const t = templates.find((x) => x.kind === kind);
    return { kind, id: t?.id ?? '', page: t?.page ?? DEFAULT_NOTICE_PAGE, fields: fieldsText(t?.fields ?? []) };
  });

/** The rows with a template id, as the contract takes them. */
export const templatesOf = (rows: readonly TemplateRow[]) =>
  rows.filter((r) => r.id.trim()).map((r) => ({ kind: r.kind, id: r.id.trim(), page: r.page.trim(), fields: parseFields(r.fields) }));

/** The notice kind a refused `templates.<i>` path is about, by the list that was sent. */
export const templateKindAt = (sent: { templates?: readonly { kind: NoticeKind }[] }, index: number): string => {
  const kind = sent.templates?.[index]?.kind;
  return kind ? messages.notices[kind] : '';
};
