/** Soft key, fill and rim light with a hemisphere ambient: bone reads as ivory, not plastic. */
export function Lights() {
  return (
    <>
      <hemisphereLight args={['#ffffff', '#8a93a0', 0.9]} />
      <directionalLight position={[300, 500, -300]} intensity={1.6} />
      <directionalLight position={[-400, 200, 200]} intensity={0.45} color="#dfe8ff" />
      <directionalLight position={[0, -300, 500]} intensity={0.5} color="#fff3e0" />
    </>
  );
}
