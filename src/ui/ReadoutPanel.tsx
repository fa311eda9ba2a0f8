import { useEffect, useMemo, useRef } from 'react';
import type { MessageKey } from '../i18n/catalog';
import { formatNumber } from '../i18n/formatNumber';
import type { ProcedureState } from '../procedure/procedureState';
import { useController, useSettings, useT, useTreatedLevels } from '../playback/react/viewerHooks';

interface Row {
  key: MessageKey;
  /** The displayed precision as a number, compared before any string is made (no allocation while unchanged). */
  quantum: (s: ProcedureState) => number;
  /** The cell's text, numbers written the way `lang` writes them. */
  format: (s: ProcedureState, lang: string) => string;
  kyphoplastyOnly?: boolean;
  /** Shown only when several levels are treated: the figures below it are that level's. */
  severalLevelsOnly?: boolean;
}

const ROWS: Row[] = [
  {
    key: 'readout.level',
    quantum: (s) => s.levelIndex,
    format: (s) => s.level,
    severalLevelsOnly: true,
  },
  {
    key: 'readout.balloonPressure',
    quantum: (s) => Math.round(s.balloonPressurePsi),
    format: (s, lang) => `${formatNumber(lang, s.balloonPressurePsi)} psi`,
    kyphoplastyOnly: true,
  },
  {
    key: 'readout.balloonVolume',
    quantum: (s) => Math.round(s.balloonVolumeMl * 10),
    format: (s, lang) => `${formatNumber(lang, s.balloonVolumeMl, 1)} mL`,
    kyphoplastyOnly: true,
  },
  {
    key: 'readout.anteriorHeight',
    quantum: (s) => Math.round(s.anteriorHeightMm * 10) * 1000 + Math.round(s.anteriorHeightPct),
    format: (s, lang) =>
      `${formatNumber(lang, s.anteriorHeightMm, 1)} mm · ${formatNumber(lang, s.anteriorHeightPct)} %`,
  },
  {
    key: 'readout.wedgeAngle',
    quantum: (s) => Math.round(s.wedgeAngleDeg * 10),
    format: (s, lang) => `${formatNumber(lang, s.wedgeAngleDeg, 1)}°`,
  },
  {
    key: 'readout.cementVolume',
    quantum: (s) => Math.round(s.cementVolumeMl * 10),
    format: (s, lang) => `${formatNumber(lang, s.cementVolumeMl, 1)} mL`,
  },
];

/** The numbers a clinician quotes, written from the frame loop into text nodes (no React render per frame). */
export function ReadoutPanel() {
  const controller = useController();
  const { procedure, lang } = useSettings();
  const several = useTreatedLevels().length > 1;
  const t = useT();
  const cells = useRef<(HTMLElement | null)[]>([]);
  const cure = useRef<HTMLElement | null>(null);
  const rows = useMemo(
    () =>
      ROWS.filter(
        (r) => (procedure === 'kyphoplasty' || !r.kyphoplastyOnly) && (several || !r.severalLevelsOnly),
      ),
    [procedure, several],
  );
  useEffect(() => {
    const last = rows.map(() => NaN);
    let lastMinutes = NaN;
    const apply = (s: ProcedureState) => {
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        const q = row.quantum(s);
        const cell = cells.current[i];
        if (cell && last[i] !== q) {
          last[i] = q;
          cell.textContent = row.format(s, lang);
        }
      }
      const minutes = s.cementCure > 0 ? Math.round(s.cementMinutes) : -1;
      if (cure.current && minutes !== lastMinutes) {
        lastMinutes = minutes;
        cure.current.textContent = minutes < 0 ? '—' : t('readout.cureMinutes', { minutes });
      }
    };
    apply(controller.state);
    return controller.on('frame', apply);
  }, [controller, rows, t, lang]);
  return (
    <section className="spv-readouts" aria-label={t('readout.title')}>
      <dl>
        {rows.map((row, i) => (
          <div key={row.key} className="spv-readout">
            <dt>{t(row.key)}</dt>
            <dd ref={(el) => void (cells.current[i] = el)} />
          </div>
        ))}
        <div className="spv-readout">
          <dt>{t('readout.cementCure')}</dt>
          <dd ref={cure} />
        </div>
      </dl>
    </section>
  );
}
