import PrimaryButton from '../../../components/PrimaryButton';
import { supervisorUi } from '../../../i18n/supervisor.zh-CN';
import type { Section } from './settings-form';

export interface SectionSaving {
  /** Whether these sections hold changes not saved yet. */
  changed: (sections: readonly Section[]) => boolean;
  busy: boolean;
  save: (sections: readonly Section[]) => void;
}

/** A section's own save (issue 17, 2): shown while it holds changes, it sends that section alone. */
export default function SectionSave({ sections, saving }: { sections: readonly Section[]; saving: SectionSaving | null }) {
  if (!saving || !saving.changed(sections)) return null;
  return (
    <PrimaryButton className={`btn-save-section btn-save-${sections[0]}`} busy={saving.busy} onClick={() => saving.save(sections)}>
      {saving.busy ? supervisorUi.settings.saving : supervisorUi.settings.saveSection}
    </PrimaryButton>
  );
}
