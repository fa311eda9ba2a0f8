import { PROCEDURE_IDS } from '../procedure/types';
import { useController, useSettings, useT } from '../playback/react/viewerHooks';

/** Kyphoplasty | Vertebroplasty, as a radio group; switching keeps the viewer's place. */
export function ProcedureToggle() {
  const controller = useController();
  const { procedure } = useSettings();
  const t = useT();
  return (
    <div className="spv-toggle" role="radiogroup" aria-label={t('procedure.toggleLabel')}>
      {PROCEDURE_IDS.map((id) => (
        <button
          key={id}
          type="button"
          role="radio"
          data-procedure={id}
          aria-checked={procedure === id}
          className="spv-toggle-option"
          onClick={() => controller.updateSettings({ procedure: id })}
          onKeyDown={(e) => {
            if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
              e.preventDefault();
              const other = PROCEDURE_IDS.find((p) => p !== procedure)!;
              controller.updateSettings({ procedure: other });
              e.currentTarget.parentElement
                ?.querySelector<HTMLElement>(`[data-procedure="${other}"]`)
                ?.focus();
            }
          }}
          tabIndex={procedure === id ? 0 : -1}
        >
          {t(`procedure.${id}`)}
        </button>
      ))}
    </div>
  );
}
