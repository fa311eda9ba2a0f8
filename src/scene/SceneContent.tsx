import type { SpineModel } from '../anatomy/loadSpineModel';
import { RenderPipeline } from './RenderPipeline';
import { SceneReady } from './SceneReady';
import { SpineScene } from './SpineScene';
import { ShaderWarmup } from './loading/ShaderWarmup';
import { useSceneFeatures, type SceneFeaturesLoad } from './loading/useSceneFeatures';
import { useSpineModel } from './loading/useSpineModel';

/**
 * Everything drawn with the model, mounted once it is here. `ready` (SceneReady) waits for the features chunk
 * only when the opening moment shows them, so the first frame is always the whole picture of that moment.
 */
export function SceneContent() {
  const model = useSpineModel();
  const { features, neededAtStart } = useSceneFeatures(model !== null);
  return (
    <>
      <ShaderWarmup />
      {model && <ModelScene model={model} features={features} neededAtStart={neededAtStart} />}
    </>
  );
}

/** ModelSceneProps: the loaded model and the features chunk's state. */
interface ModelSceneProps {
  model: SpineModel;
  features: SceneFeaturesLoad['features'];
  neededAtStart: boolean;
}

/** The spine, the room and the render pipeline; `ready` once the opening moment's whole picture can be drawn. */
function ModelScene({ model, features, neededAtStart }: ModelSceneProps) {
  return (
    <>
      <SpineScene model={model} features={features} />
      {features && <features.RoomFeatures />}
      {features && <features.LaterShaderWarmup />}
      <RenderPipeline features={features} />
      {(features || !neededAtStart) && <SceneReady />}
    </>
  );
}
