/**
 * Studio lighting over the image-based fill of StudioEnvironment: a warm key high on the patient's left (the side
 * the guided cameras look from) models the bone's form, a cool weak fill from the other side opens the shadows,
 * a rim from behind and above separates the spine from the pale background, and a faint hemisphere keeps the
 * undersides from going muddy. Calm and even, so ivory bone reads as bone, not plastic; no shadows to compute.
 */
export function Lights() {
  return (
    <>
      <hemisphereLight args={['#ffffff', '#9a938a', 0.25]} />
      <directionalLight position={[300, 500, -300]} intensity={1.45} color="#fff3e4" />
      <directionalLight position={[-400, 150, 250]} intensity={0.35} color="#e4ecff" />
      <directionalLight position={[-150, 350, 600]} intensity={0.6} color="#ffffff" />
    </>
  );
}
