import { rawAttributes } from '../../options/elementAttributes';
import { parseOptions } from '../../options/parseOptions';
import { treatedLevels } from '../../procedure/treatedLevels';
import { hasWebGL2 } from '../webglSupport';
import { prefetchesAtConnect, prefetchScene } from './scenePrefetch';

/**
 * A page's head start for a viewer in its markup, before the element's own script has arrived: the viewer's
 * attributes are read with the same schema, and a viewer that will start its downloads when it connects
 * (prefetchesAtConnect) starts them now. The element's script is the page's largest but one, and its parsing
 * held the model's decoding back by the time it took. Bad values are left for the element to report once it
 * upgrades (it parses the same attributes again and joins the same downloads).
 */
export function prefetchBeforeUpgrade(element: Element): void {
  const { options } = parseOptions(rawAttributes(element));
  if (prefetchesAtConnect(element, options.reveal, hasWebGL2()))
    prefetchScene(treatedLevels(options).map((t) => t.level));
}
