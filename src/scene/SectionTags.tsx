import { Html } from '@react-three/drei';
import { useFrame } from '@react-three/fiber';
import { useMemo } from 'react';
import type { LevelId } from '../anatomy/levels';
import { levelDimensions } from '../anatomy/morphometry';
import { vertebraLandmarks } from '../anatomy/vertebraLandmarks';
import { vertebraParams } from '../anatomy/vertebraParams';
import type { MessageKey } from '../i18n/catalog';
import { useController, useSettings, useT } from '../playback/react/viewerHooks';
import { cutsAcross } from './cutaway';
import { PASS_THROUGH, attachLabel, newLabel } from './labelDeclutter';
import { useDeclutter } from './SceneLabels';

/** Placed before the anatomy labels (which keep clear of them), after the outline's legend. */
const SECTION_TAG_PRIORITY = -0.5;
/** How far in the section must be before the tags show: they name a picture that is there. */
const SHOWN_FROM = 0.6;
/** Gap between the bone and a tag's anchor (mm): a tag is centred on its anchor. */
const BESIDE_MM = 13;

/** SectionTagsProps: the treated level, whose section the tags stand around. */
export interface SectionTagsProps {
  level: LevelId;
}

type Tag = { key: string; text: MessageKey; at: [number, number, number] };

/** Where the tags stand, in the vertebra's frame (x left, y cranial, z anterior). */
function sectionTags(level: LevelId): Tag[] {
  const marks = vertebraLandmarks(level);
  const params = vertebraParams(levelDimensions(level));
  const beside = marks.bodyWidthMm / 2 + BESIDE_MM;
  return [
    // On the spinous process, the bump one feels down the middle of the back.
    {
      key: 'back',
      text: 'section.back',
      at: [0, 0, marks.posteriorWallZ - marks.canalDepthMm - 0.35 * params.spinousLengthMm],
    },
    { key: 'front', text: 'section.front', at: [0, 0, marks.anteriorWallZ + 7] },
    // Under the belly's tag: which end the picture is seen from (a blind review could not tell head from feet).
    { key: 'view', text: 'section.view', at: [0, 0, marks.anteriorWallZ + 15] },
    { key: 'left', text: 'section.left', at: [beside, 0, 0] },
    { key: 'right', text: 'section.right', at: [-beside, 0, 0] },
  ];
}

/**
 * Which way is which around the section across the spine (access): back and belly, the patient's left and right,
 * and that it is seen from the feet.
 * The camera there looks along the spine from the feet, a view no other step uses, and the X-ray beside it is
 * drawn head up: a blind review of the section could not tell which end or side it saw. Shown whatever the labels
 * setting (they orient the picture; they name no anatomy), only while the section is there.
 */
export function SectionTags({ level }: SectionTagsProps) {
  const t = useT();
  const controller = useController();
  const { cutaway: enabled } = useSettings();
  const tags = useMemo(() => sectionTags(level), [level]);
  const placed = useMemo(
    () => tags.map(() => ({ ...newLabel(SECTION_TAG_PRIORITY), wanted: false })),
    // A new set for a new text (the language) too: each is measured once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [tags, t],
  );
  useDeclutter(placed);
  // Before the labels are placed (priority -1 runs first): whether the section is there this frame.
  useFrame(() => {
    const s = controller.state;
    const wanted = enabled && cutsAcross(s) && s.axialCut >= SHOWN_FROM;
    for (const label of placed) {
      if (label.wanted === wanted) continue;
      label.wanted = wanted;
      if (label.element) label.element.style.display = wanted ? '' : 'none';
    }
  }, -1);
  return (
    <>
      {tags.map((tag, i) => (
        <group key={tag.key} position={tag.at} ref={(g) => void (placed[i]!.anchor = g)}>
          <Html center zIndexRange={[20, 10]} style={PASS_THROUGH}>
            <div
              ref={(el) => {
                attachLabel(placed[i]!, el);
                if (!el) return;
                el.style.display = placed[i]!.wanted ? '' : 'none';
                // Placed in a frame only when shown: hidden (every step but access), a tag needs none, and asking
                // drew one more frame of every opening.
                if (placed[i]!.wanted) controller.requestFrame();
              }}
              className={`spv-label spv-section-tag spv-section-tag-${tag.key}`}
            >
              {t(tag.text)}
            </div>
          </Html>
        </group>
      ))}
    </>
  );
}
