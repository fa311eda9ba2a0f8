import { useId, useMemo, useState } from 'react';
import { LEVEL_IDS, isLevelId, type LevelId } from '../../anatomy/levels';
import { useController, useScanState, useSettings, useT } from '../../playback/react/viewerHooks';
import { useScanT } from './useScanT';
import type { Lps } from '../../scan/types';
import { CT_WINDOWS, type CtWindowName } from './sliceImage';
import { clampToVolume, sliceFrame, spacingAlong, VIEW_AXES, type SliceKind } from './slicePoint';
import { SliceView } from './SliceView';
import { scanUiStore } from './scanUiStore';

const VIEWS: SliceKind[] = ['axial', 'sagittal'];

/**
 * Pick the treated body's centre on the scan: an axial and a sagittal slice through the point (click either, or
 * use the keys), the bone or soft-tissue window, the level's name, then "Show the procedure here".
 */
export function ScanPicker() {
  const controller = useController();
  const t = useScanT();
  const viewerT = useT();
  const settings = useSettings();
  useScanState();
  const volume = controller.scan.getVolume();
  const helpId = useId();
  const frames = useMemo(
    () => volume && { axial: sliceFrame(volume, 'axial'), sagittal: sliceFrame(volume, 'sagittal') },
    [volume],
  );
  const [point, setPoint] = useState<Lps>(() => {
    const target = controller.scan.getTarget();
    if (target) return [target.x, target.y, target.z];
    const f = frames?.axial;
    const mid = (d: 0 | 1 | 2) => (f ? (f.min[d] + f.max[d]) / 2 : 0);
    return [mid(0), mid(1), mid(2)];
  });
  const [windowName, setWindowName] = useState<CtWindowName>('bone');
  const [refused, setRefused] = useState<string | null>(null);
  const [level, setLevel] = useState<LevelId>(() => controller.scan.getTarget()?.level ?? settings.level);
  if (!volume || !frames) return null;

  const bounds = frames.axial;
  const move = (p: Lps) => setPoint(clampToVolume(bounds, p));
  const step = (kind: SliceKind, slices: number) => {
    const axis = VIEW_AXES[kind].through;
    const next: Lps = [...point];
    next[axis] += slices * spacingAlong(volume, axis);
    move(next);
  };
  const pick = async () => {
    // The session checks the point (inside the scan) and the level; a refusal keeps the dialog open, saying why.
    const reason = await controller.scan.pick({ x: point[0], y: point[1], z: point[2], level });
    setRefused(reason);
    if (reason === null) scanUiStore(controller).close();
  };
  const sides = t('scanUi.sides').split(' ');
  const letters = {
    axial: [sides[0], sides[1], sides[2], sides[3]],
    sagittal: [sides[2], sides[3], sides[4], sides[5]],
  } as Record<SliceKind, [string, string, string, string]>;
  const mm = (v: number) => v.toFixed(1);

  return (
    <div className="spv-scan-picker">
      <p id={helpId} className="spv-scan-help">
        {t('scanUi.help')}
      </p>
      <div className="spv-scan-views">
        {VIEWS.map((kind) => {
          const axis = VIEW_AXES[kind].through;
          const f = frames[kind];
          return (
            <figure key={kind} className="spv-scan-view">
              <SliceView
                volume={volume}
                frame={f}
                point={point}
                window={CT_WINDOWS[windowName]}
                label={t(kind === 'axial' ? 'scanUi.axial' : 'scanUi.sagittal')}
                describedBy={helpId}
                sides={letters[kind]}
                onMove={move}
                onStep={(n) => step(kind, n)}
                onPick={() => void pick()}
              />
              <figcaption className="spv-scan-view-caption">
                <span aria-hidden="true">{t(kind === 'axial' ? 'scanUi.axial' : 'scanUi.sagittal')}</span>
                <input
                  type="range"
                  className="spv-scan-slider"
                  aria-label={t(kind === 'axial' ? 'scanUi.axialSlice' : 'scanUi.sagittalSlice')}
                  aria-valuetext={`${mm(point[axis])} mm`}
                  min={f.min[axis]}
                  max={f.max[axis]}
                  step={spacingAlong(volume, axis)}
                  value={point[axis]}
                  onChange={(event) => {
                    const next: Lps = [...point];
                    next[axis] = Number(event.currentTarget.value);
                    move(next);
                  }}
                />
              </figcaption>
            </figure>
          );
        })}
      </div>
      <div className="spv-scan-options">
        <fieldset className="spv-scan-window">
          <legend>{t('scanUi.window')}</legend>
          {(Object.keys(CT_WINDOWS) as CtWindowName[]).map((name) => (
            <label key={name}>
              <input
                type="radio"
                name={`${helpId}-window`}
                checked={windowName === name}
                onChange={() => setWindowName(name)}
              />
              {t(name === 'bone' ? 'scanUi.bone' : 'scanUi.soft')}
            </label>
          ))}
        </fieldset>
        <label className="spv-scan-level">
          {t('scanUi.level')}
          <select
            value={level}
            onChange={(event) => isLevelId(event.currentTarget.value) && setLevel(event.currentTarget.value)}
          >
            {LEVEL_IDS.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
        <output className="spv-scan-point">
          x {mm(point[0])} · y {mm(point[1])} · z {mm(point[2])} mm
        </output>
      </div>
      {refused && (
        <p className="spv-scan-refused" role="alert">
          {refused}
        </p>
      )}
      <div className="spv-scan-actions">
        <button
          type="button"
          className="spv-button spv-scan-dismiss"
          onClick={() => scanUiStore(controller).close()}
        >
          {viewerT('layout.close')}
        </button>
        <button type="button" className="spv-button spv-scan-pick" onClick={() => void pick()}>
          {t('scanUi.show')}
        </button>
      </div>
    </div>
  );
}
