import { Text, View } from '@tarojs/components';
import { zhCN as messages } from '@shared/messages/zh-CN';
import InfoRow from '../../../components/InfoRow';
import LineField from '../../../components/LineField';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import type { Section } from './settings-form';
import type { TemplateRow } from './template-rows';
import SectionSave, { type SectionSaving } from './SectionSave';

interface Props {
  templates: TemplateRow[];
  webhook: string;
  readOnly: boolean;
  errors: Partial<Record<Section, string>>;
  saving: SectionSaving | null;
  onTemplate: (row: TemplateRow) => void;
  onWebhook: (webhook: string) => void;
}

/** One notice kind's template: its id, and once there is one, the page it opens and what fills each field. */
function TemplateEditor({ row, onChange }: { row: TemplateRow; onChange: (row: TemplateRow) => void }) {
  const t = supervisorUi.settings;
  return (
    <View id={`template-${row.kind.replace(/\./g, '-')}`} className='template-row'>
      <LineField label={messages.notices[row.kind]} inputClass='input-template' value={row.id} maxlength={64} placeholder={t.templatePlaceholder} errorClass='' onChange={(id) => onChange({ ...row, id })} />
      {row.id.trim() !== '' && (
        <>
          <LineField label={t.templatePage} inputClass='input-template-page' value={row.page} maxlength={100} placeholder={t.templatePagePlaceholder} errorClass='' onChange={(page) => onChange({ ...row, page })} />
          <LineField label={t.templateFields} inputClass='input-template-fields' value={row.fields} maxlength={200} placeholder={t.templateFieldsPlaceholder} errorClass='' onChange={(fields) => onChange({ ...row, fields })} />
        </>
      )}
    </View>
  );
}

/**
 * Where notices go beyond the app: per kind of notice, the subscribe-message template the property
 * chose (id, page, which fact fills each field), and the WeCom group robot.
 */
export default function NoticeSection({ templates, webhook, readOnly, errors, saving, onTemplate, onWebhook }: Props) {
  const t = supervisorUi.settings;
  return (
    <>
      <View className='card settings-section settings-templates'>
        <Text className='section-title'>{t.templates}</Text>
        {!readOnly && <Text className='muted settings-hint'>{t.templatesHint}</Text>}
        {templates.map((row) =>
          readOnly ? (
            <InfoRow key={row.kind} label={messages.notices[row.kind]} value={row.id || t.notSet} />
          ) : (
            <TemplateEditor key={row.kind} row={row} onChange={onTemplate} />
          ),
        )}
        {errors.templates && <Text className='field-error error-section-templates'>{errors.templates}</Text>}
        <SectionSave sections={['templates']} saving={saving} />
      </View>
      <View className='card settings-section settings-webhook'>
        <Text className='section-title'>{t.webhook}</Text>
        {readOnly ? (
          <Text className='webhook-value'>{webhook || t.notSet}</Text>
        ) : (
          <>
            <Text className='muted settings-hint'>{t.webhookHint}</Text>
            <LineField label={t.webhook} inputClass='input-webhook' value={webhook} maxlength={300} placeholder={t.webhookPlaceholder} errorClass='' onChange={onWebhook} />
          </>
        )}
        {errors.webhook && <Text className='field-error error-section-webhook'>{errors.webhook}</Text>}
        <SectionSave sections={['webhook']} saving={saving} />
      </View>
    </>
  );
}
