import type { Translate } from '../i18n/catalog';
import { accessPlan } from '../procedure/accessPath';
import { CEMENT_SETTING_TEXT } from '../procedure/cure';
import type { Approach, ProcedureId } from '../procedure/types';
import type { LevelId } from '../anatomy/levels';

/** What the procedure-dependent caption phrases depend on. */
export interface CaptionProcedure {
  procedure: ProcedureId;
  level: LevelId;
  approach: Approach;
}

/**
 * Caption parameters that follow the procedure's own data (instruments, access route): phrases are looked up in
 * the catalog so each language words them itself. Merged with captionParams where captions are rendered.
 */
export function procedureCaptionParams(settings: CaptionProcedure, t: Translate) {
  const plan = accessPlan(settings.level, settings.approach);
  const needle = plan.needles[0]!;
  return {
    instruments: t(`caption.instruments.${settings.procedure}`, {
      gauge: needle.gauge,
      cannula: needle.workingCannulaMm.toFixed(1),
    }),
    route: t(`caption.route.${plan.route}`),
    setting: CEMENT_SETTING_TEXT,
  };
}
