import { useEffect, useRef } from 'react';
import { formatNumber } from '../../i18n/formatNumber';
import type { ProcedureState } from '../../procedure/procedureState';
import { useController, useSettings, useT } from '../../playback/react/viewerHooks';

/** CompareInfoProps: the short note shown while this side holds still, if any. */
export interface CompareInfoProps {
  /** Why this side waits (a kyphoplasty-only step on the other side), or null. */
  note: string | null;
}

/**
 * One side's heading: the procedure's name and its own readouts (anterior height as % of intact, wedge angle,
 * cement volume), written from the frame loop into text nodes (no React render per frame).
 */
export function CompareInfo({ note }: CompareInfoProps) {
  const controller = useController();
  const { procedure, lang } = useSettings();
  const t = useT();
  const height = useRef<HTMLElement>(null);
  const wedge = useRef<HTMLElement>(null);
  const cement = useRef<HTMLElement>(null);
  useEffect(() => {
    let last = NaN;
    const apply = (s: ProcedureState) => {
      const key =
        Math.round(s.anteriorHeightPct) * 1e8 +
        Math.round(s.wedgeAngleDeg * 10) * 1e4 +
        Math.round(s.cementVolumeMl * 10);
      if (key === last) return;
      last = key;
      if (height.current) height.current.textContent = `${formatNumber(lang, s.anteriorHeightPct)} %`;
      if (wedge.current) wedge.current.textContent = `${formatNumber(lang, s.wedgeAngleDeg, 1)}°`;
      if (cement.current) cement.current.textContent = `${formatNumber(lang, s.cementVolumeMl, 1)} mL`;
    };
    apply(controller.currentFrame());
    return controller.on('frame', apply);
  }, [controller, lang]);
  return (
    <section className="spv-compare-info" data-procedure={procedure} aria-label={t(`procedure.${procedure}`)}>
      <h3 className="spv-compare-name">{t(`procedure.${procedure}`)}</h3>
      <dl className="spv-compare-readouts">
        <div>
          <dt>{t('compare.height')}</dt>
          <dd ref={height} data-readout="height" />
        </div>
        <div>
          <dt>{t('compare.wedge')}</dt>
          <dd ref={wedge} data-readout="wedge" />
        </div>
        <div>
          <dt>{t('compare.cement')}</dt>
          <dd ref={cement} data-readout="cement" />
        </div>
      </dl>
      {note && (
        <p className="spv-compare-note" role="status">
          {note}
        </p>
      )}
    </section>
  );
}
