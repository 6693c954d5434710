import { useEffect, useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import * as settings from '@shared/contracts/settings.contract';
import { call } from '../../../api';
import { useDeskMembers, useSettings, type SettingsView } from '../../../hooks/useSettings';
import { useReadySession } from '../../../hooks/useSession';
import LoadState from '../../../components/LoadState';
import ActionBar from '../../../components/ActionBar';
import PrimaryButton from '../../../components/PrimaryButton';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import { toastError, toastOk } from '../../../utils/toast';
import FeeSection from './FeeSection';
import HistoryList from './HistoryList';
import InvitesSection from './InvitesSection';
import LimitsSection from './LimitsSection';
import NoticeSection from './NoticeSection';
import PromiseSection from './PromiseSection';
import ShiftSection, { type DeskChoice } from './ShiftSection';
import TimesSection from './TimesSection';
import type { SectionSaving } from './SectionSave';
import { changesOf, errorsOfFields, feeRowError, formOf, sectionOfRefusal, updateFor, type Section, type SettingsForm } from './settings-form';
import '../../../theme/controls.css';
import './index.css';

interface Editing {
  /** The settings the form started from: what is compared to find the changes. */
  base: SettingsView;
  form: SettingsForm;
}

const untouched = (editing: Editing) => {
  const { update, badFee } = changesOf(editing.form, editing.base);
  return badFee === null && Object.keys(update).length === 0;
};

/**
 * Issue 7 (5): what the property runs on, and (issue 12) each person's daily limits. Everyone at
 * the desk reads it; the manager edits it and saves only the sections he changed, each change
 * logged with who and when. Issue 17 (2): each section has its own save, times are picked from a
 * clock, fee items go by name, and where a setting shapes a resident's screen a preview shows it.
 */
export default function SettingsPage() {
  const context = useReadySession();
  const manager = context?.role === 'manager';
  const remote = useSettings();
  const deskMembers = useDeskMembers(manager);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Section, string>>>({});
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const t = supervisorUi.settings;

  useEffect(() => {
    const fresh = remote.data;
    if (fresh) setEditing((current) => (current && !untouched(current) ? current : { base: fresh, form: formOf(fresh) }));
  }, [remote.data]);

  const names = useMemo(() => {
    const shown = editing?.base.shifts.flatMap((s) => s.desk.map((d): [string, string] => [d.memberId, d.name])) ?? [];
    return new Map([...(deskMembers.items ?? []).map((m): [string, string] => [m.id, m.name]), ...shown]);
  }, [editing, deskMembers.items]);
  const desk: DeskChoice[] = [...names].map(([id, name]) => ({ id, name }));

  const edit = (patch: Partial<SettingsForm>) => {
    setEditing((current) => current && { ...current, form: { ...current.form, ...patch } });
    setErrors({});
    setProblem('');
  };

  /** Every changed section, or only the given ones (a section's own save); the others keep their edits. */
  const save = async (only?: readonly Section[]) => {
    if (busy || !editing || !context) return;
    const { update: all, badFee } = changesOf(editing.form, editing.base);
    if (badFee !== null && (!only || only.includes('fees'))) return setErrors({ fees: feeRowError(badFee) });
    const update = only ? updateFor(all, only) : all;
    if (Object.keys(update).length === 0) return toastOk(t.nothingChanged);
    setBusy(true);
    const res = await call(settings.updateSettings, { propertyId: context.property.propertyId, ...update });
    setBusy(false);
    if (res.ok) {
      setEditing((current) => ({ base: res.data, form: only && current ? current.form : formOf(res.data) }));
      return toastOk(t.saved);
    }
    toastError(res.message);
    const named = res.code === 'COMMON.BAD_INPUT' ? errorsOfFields((res.fields ?? []).map((f) => f.field), update) : {};
    if (Object.keys(named).length) return setErrors(named);
    const section = sectionOfRefusal(res.code);
    if (section) return setErrors({ [section]: res.message });
    setProblem(res.message);
  };

  const readOnly = !manager;
  const saving: SectionSaving | null =
    manager && editing
      ? {
          busy,
          changed: (sections) => {
            const { update, badFee } = changesOf(editing.form, editing.base);
            return (badFee !== null && sections.includes('fees')) || Object.keys(updateFor(update, sections)).length > 0;
          },
          save: (sections) => void save(sections),
        }
      : null;
  return (
    <View className='page settings'>
      <Text className='title'>{t.title}</Text>
      {readOnly && <Text className='muted settings-read-only'>{t.readOnly}</Text>}
      <LoadState loading={remote.loading && !editing} error={editing ? null : remote.error} onRetry={() => void remote.refresh()}>
        {editing && (
          <>
            <FeeSection rows={editing.form.fees} readOnly={readOnly} error={errors.fees} saving={saving} onChange={(fees) => edit({ fees })} />
            <ShiftSection rows={editing.form.shifts} desk={desk} names={names} readOnly={readOnly} error={errors.shifts} saving={saving} onChange={(shifts) => edit({ shifts })} />
            <TimesSection form={editing.form} readOnly={readOnly} errors={errors} saving={saving} onEdit={edit} />
            <PromiseSection
              dispatchMinutes={editing.form.dispatchMinutes}
              readOnly={readOnly}
              error={errors.promise}
              saving={saving}
              onChange={(dispatchMinutes) => edit({ dispatchMinutes })}
            />
            <LimitsSection limits={editing.form.limits} readOnly={readOnly} error={errors.limits} saving={saving} onChange={(limits) => edit({ limits })} />
            <InvitesSection
              value={editing.form.ownerInvites}
              perDay={editing.form.invitesPerDay}
              readOnly={readOnly}
              error={errors.invites}
              saving={saving}
              onChange={(ownerInvites) => edit({ ownerInvites })}
              onPerDay={(invitesPerDay) => edit({ invitesPerDay })}
            />
            <NoticeSection
              templates={editing.form.templates}
              webhook={editing.form.webhook}
              readOnly={readOnly}
              errors={errors}
              saving={saving}
              onTemplate={(row) => edit({ templates: editing.form.templates.map((r) => (r.kind === row.kind ? row : r)) })}
              onWebhook={(webhook) => edit({ webhook })}
            />
            {problem && <Text className='field-error settings-problem'>{problem}</Text>}
            <HistoryList history={editing.base.history} />
            {manager && (
              <ActionBar>
                <PrimaryButton className='btn-save-settings' busy={busy} onClick={() => save()}>
                  {busy ? t.saving : t.saveAll}
                </PrimaryButton>
              </ActionBar>
            )}
          </>
        )}
      </LoadState>
    </View>
  );
}
