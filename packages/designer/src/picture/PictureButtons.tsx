import type { Lang } from '@zhizhi/core';
import type { DraftCheck, ScenarioDraft } from '../model/index.js';
import { canvasText } from '../panels/canvasText.js';
import { scenarioPicture } from './scenarioPicture.js';
import { scenarioPng } from './scenarioPng.js';
import { scenarioSvg } from './scenarioSvg.js';

/** Props of {@link PictureButtons}. */
export interface PictureButtonsProps {
  doc: ScenarioDraft;
  check?: DraftCheck;
  lang: Lang;
  /** Where a picture goes (default: downloaded as `<scenario id>.svg` / `.png`). */
  onPicture?(kind: 'svg' | 'png', picture: Blob): void;
}

function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Two toolbar buttons that export a picture of the diagram, built from the document and its
 * layout (not a screenshot): an SVG, and a PNG drawn from the same picture on a canvas.
 *
 * @example
 * ```tsx
 * import { PictureButtons } from '@zhizhi/designer';
 * <PictureButtons doc={doc} lang="zh-CN" />;
 * ```
 */
export function PictureButtons({ doc, check, lang, onPicture }: PictureButtonsProps) {
  const out = onPicture ?? ((kind, blob) => download(`${doc.id}.${kind}`, blob));
  return (
    <>
      <button
        type="button"
        onClick={() => {
          const svg = scenarioSvg(scenarioPicture(doc, lang, check));
          out('svg', new Blob([svg], { type: 'image/svg+xml' }));
        }}
      >
        {canvasText('pictureSvg', lang)}
      </button>
      <button
        type="button"
        onClick={() => {
          void scenarioPng(scenarioPicture(doc, lang, check)).then((png) => out('png', png));
        }}
      >
        {canvasText('picturePng', lang)}
      </button>
    </>
  );
}
