import { useEffect, useId, useRef, useState } from 'react';
import { useSettings, useT } from '../playback/react/viewerHooks';
import { Icon } from './icons';
import { OptionSelect } from './OptionSelect';
import { AlsoTreatFields } from './lazyParts';
import { treatedLevels, valueForLevel } from '../procedure/treatedLevels';

/**
 * The fracture shown ("L1 · wedge · G2" for a clinician, "L1 · moderate fracture" for a patient) as a button that opens a small panel with three native menus — level,
 * fracture shape and grade — which apply at once through the same option path as the clinician panel, the URL
 * and the attributes. The panel is a popover (the top layer), so the top bar, which scrolls sideways on a phone,
 * does not clip it; Escape or Close hands focus back to the chip, a click elsewhere closes it.
 */
/** LevelPickerProps: whether the viewer is small (the chip then shows only the level and the grade). */
export interface LevelPickerProps {
  compact?: boolean;
}

export function LevelPicker({ compact = false }: LevelPickerProps) {
  const settings = useSettings();
  const t = useT();
  const id = useId();
  const chip = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const box = panel.current;
    const button = chip.current;
    if (!box || !button) return;
    // Below the chip (above it when there is no room), inside the viewport, aligned with the chip's start edge.
    const place = () => {
      const anchor = button.getBoundingClientRect();
      const size = box.getBoundingClientRect();
      const width = document.documentElement.clientWidth;
      const height = document.documentElement.clientHeight;
      const rtl = getComputedStyle(button).direction === 'rtl';
      const start = rtl ? anchor.right - size.width : anchor.left;
      const left = Math.max(8, Math.min(start, width - size.width - 8));
      const below = anchor.bottom + 6;
      const top = below + size.height <= height - 8 ? below : Math.max(8, anchor.top - 6 - size.height);
      box.style.left = `${left}px`;
      box.style.top = `${top}px`;
    };
    const onToggle = (event: Event) => {
      const opened = (event as ToggleEvent).newState === 'open';
      setOpen(opened);
      if (opened) {
        place();
        window.addEventListener('resize', place);
        window.addEventListener('scroll', place, true);
        box.querySelector('select')?.focus();
        return;
      }
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place, true);
      // Focus that was in the panel (or went nowhere) comes back to the chip; a click on another control keeps it.
      const active = (button.getRootNode() as Document | ShadowRoot).activeElement;
      if (!active || active === document.body || box.contains(active)) button.focus();
    };
    box.addEventListener('toggle', onToggle);
    return () => {
      box.removeEventListener('toggle', onToggle);
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place, true);
    };
  }, []);

  const close = () => {
    panel.current?.hidePopover();
    chip.current?.focus();
  };

  const treated = treatedLevels(settings);
  // With several levels the fracture menus set every level at once (lists per level come from the URL or API).
  const several = treated.length > 1;
  // Clinicians read the Genant grade ("G2"); patients a plain word ("moderate").
  const clinician = settings.audience === 'clinician';
  const grade = (g: 1 | 2 | 3) => (clinician ? `G${g}` : t(`grade.plain.${g}`));
  // A clinician reads "L1 · wedge · G2"; a patient "L1 · moderate fracture" (a review read "wedge" as jargon; the
  // plain shape, "front collapsed", is longer than the chip's room in the top bar and is in the picker's menu).
  const full = treated
    .map((l) =>
      clinician
        ? `${l.level} · ${t(`morphology.${l.morphology}`)} · ${grade(l.grade)}`
        : `${l.level} · ${t('chip.fracture', { grade: grade(l.grade) })}`,
    )
    .join(' + ');
  // Several levels on a small viewer, or a patient's: just the levels ("T12 + L1"), so the chip fits the top bar.
  const short =
    several || !clinician
      ? treated.map((l) => l.level).join(' + ')
      : treated.map((l) => `${l.level} · G${l.grade}`).join(' + ');
  // A small viewer shows only the levels and grades; a screen reader still hears the whole summary.
  const summary = compact ? (
    <>
      <span aria-hidden="true">{short}</span>
      <span className="spv-sr-only">{full}</span>
    </>
  ) : (
    <span>{full}</span>
  );
  // Without controls the viewer is a picture to watch: the chip only says what it shows.
  if (settings.controls === 'none') return <span className="spv-level-chip">{summary}</span>;
  return (
    <>
      <button
        ref={chip}
        type="button"
        className="spv-level-chip"
        popoverTarget={id}
        aria-expanded={open}
        aria-haspopup="dialog"
      >
        {summary}
        <span className="spv-sr-only">, {t('picker.change')}</span>
        <svg
          className="spv-icon spv-level-chip-caret"
          viewBox="0 0 12 12"
          aria-hidden="true"
          focusable="false"
        >
          <path d="M2.5 4.5 6 8l3.5-3.5" />
        </svg>
      </button>
      <div
        ref={panel}
        id={id}
        popover="auto"
        role="dialog"
        aria-labelledby={`${id}-title`}
        className="spv-picker"
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          // Handled here so focus returns to the chip whichever way the browser would close the popover.
          event.preventDefault();
          event.stopPropagation();
          close();
        }}
      >
        <div className="spv-picker-head">
          <p id={`${id}-title`} className="spv-picker-title">
            {t('picker.title')}
          </p>
          <button type="button" className="spv-button spv-picker-close" onClick={close}>
            <Icon name="close" />
            <span>{t('picker.close')}</span>
          </button>
        </div>
        <OptionSelect
          option="level"
          className="spv-picker-field"
          label={t('option.level')}
          value={settings.level}
          valueLabel={(level) => level}
        />
        <OptionSelect
          option="morphology"
          className="spv-picker-field"
          label={several ? t('levels.every', { option: t('option.morphology') }) : t('option.morphology')}
          value={treated[0]!.morphology}
          valueLabel={(m) => {
            const term = t(`morphology.${valueForLevel(m, 0)}`);
            // A patient's menu gives the plain words first, then the term the surgeon will use.
            return clinician ? term : `${t(`morphology.plain.${valueForLevel(m, 0)}`)} (${term})`;
          }}
        />
        <OptionSelect
          option="grade"
          className="spv-picker-field"
          label={several ? t('levels.every', { option: t('option.grade') }) : t('option.grade')}
          value={treated[0]!.grade}
          valueLabel={(g) => t(`picker.grade.${valueForLevel(g, 0)}`)}
        />
        {/* Mounted when the picker opens: its chunk is fetched after the first frame, not with it. */}
        {open && <AlsoTreatFields className="spv-picker-field" />}
      </div>
    </>
  );
}
