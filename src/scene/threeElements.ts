/**
 * The three.js classes the viewer writes as JSX elements (`<mesh>`, `<group>`, `<color attach>`, the lights), and
 * those drei's `<Html>` may render. R3F's `<Canvas>` registers the whole `three` namespace as elements, which
 * keeps every three.js class in the bundle whether used or not; the build hands its Canvas this module as `three`
 * instead (vite.config.ts, `threeElements()`), so only the classes something uses are bundled. A new element type
 * in the scene goes in this list (tests/unit/scene/threeElements.test.ts checks the sources against it).
 */
export { Color, DirectionalLight, Group, HemisphereLight, Mesh, PlaneGeometry, ShaderMaterial } from 'three';
