import type { Lang } from '@zhizhi/core';
import { sampleOrg } from '@zhizhi/core/sample';
import { useState } from 'react';
import type { ScenarioDraft } from '../../src/model/ScenarioDraft.js';
import { ScenarioDesigner } from '../../src/ScenarioDesigner.js';
import { healthBand } from './healthBand.js';

/** Props of {@link DesignerHost}. */
export interface DesignerHostProps {
  lang: Lang;
  /** Hears every edit's document. */
  onChange(doc: ScenarioDraft): void;
}

/**
 * The app around the designer over the health-band scenario: it owns the document, as a
 * user of the component does.
 *
 * @example
 * ```tsx
 * <DesignerHost lang="en" onChange={(doc) => console.log(doc.steps.length)} />;
 * ```
 */
export function DesignerHost(props: DesignerHostProps) {
  const [value, setValue] = useState(healthBand);
  const [lang, setLang] = useState<Lang>(props.lang);
  return (
    <div style={{ width: 1100, height: 680 }}>
      <ScenarioDesigner
        value={value}
        org={sampleOrg}
        lang={lang}
        onLangChange={setLang}
        onChange={(doc) => {
          setValue(doc);
          props.onChange(doc);
        }}
        onExport={() => {}}
      />
    </div>
  );
}
