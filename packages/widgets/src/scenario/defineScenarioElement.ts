import type { Scenario } from '@zhizhi/core/scenario';
import { ZzScenario } from '../elements/zz-scenario.js';

/** What an element made by {@link defineScenarioElement} carries on its constructor. */
const DOC = Symbol.for('zhizhi.widgets.scenarioDoc');

type ScenarioElementClass = CustomElementConstructor & { [DOC]?: string };

/**
 * Registers `tag` as a `zz-scenario` bound to one scenario document — deploy-free: the element
 * runs the document's id and version on the provider's client (start button, tasks, timeline).
 * When the client lacks that definition it says so (zh-CN/English); with the `deploy`
 * attribute it deploys the document itself as the provider's member first (a `LocalClient` in
 * the page, or a server member allowed to deploy). Guarded like every define: the same
 * document defined again (a second copy of the script) is a no-op; another document under a
 * tag already taken is refused with a console warning, never an exception — as are a tag that
 * is not a custom element name and a `scenario` that is not a document (no id, version, steps).
 * The document itself is checked by the runtime when it is deployed.
 *
 * @returns the element class registered under `tag` (`undefined` when refused)
 *
 * @example
 * ```html
 * <script src="/widgets/zhizhi-widgets.js"></script>
 * <script src="/static/zz-elderly-health.js"></script>
 * <!-- zz-elderly-health.js: ZhizhiWidgets.defineScenarioElement('zz-elderly-health', { …document… }); -->
 * <zz-provider api="/api" member="qj-sj-duty">
 *   <zz-elderly-health grid="qj-sj-c1-g1" viewer-role="dutyOfficer"></zz-elderly-health>
 * </zz-provider>
 * ```
 */
export function defineScenarioElement(
  tag: string,
  scenario: Scenario,
): CustomElementConstructor | undefined {
  if (typeof customElements === 'undefined') return undefined;
  if (!/^[a-z][a-z0-9._-]*-[a-z0-9._-]*$/.test(String(tag))) {
    console.warn(
      `[zhizhi] defineScenarioElement: tag ${JSON.stringify(tag)} is not a custom element name (lowercase, with a dash) · 元素名须为带连字符的小写名称`,
    );
    return undefined;
  }
  const s = scenario as Partial<Scenario> | null | undefined;
  if (typeof s?.id !== 'string' || typeof s.version !== 'string' || !Array.isArray(s.steps)) {
    console.warn(
      `[zhizhi] defineScenarioElement(<${tag}>): scenario must be a scenario document (id, version and steps) · 须传入场景文档（含 id、version、steps）`,
    );
    return undefined;
  }
  const key = `${scenario.id}@${scenario.version}`;
  const existing = customElements.get(tag) as ScenarioElementClass | undefined;
  if (existing) {
    if (existing[DOC] === key) return existing;
    console.warn(
      `[zhizhi] defineScenarioElement: <${tag}> is already defined${existing[DOC] ? ` for ${existing[DOC]}` : ''}; ${key} was not registered · <${tag}> 已被注册，未注册场景 ${key}`,
    );
    return undefined;
  }
  const doc = structuredClone(scenario);
  class ScenarioElement extends ZzScenario {
    static [DOC] = key;

    static override properties = {
      ...ZzScenario.properties,
      deploy: { type: Boolean },
    };

    /** Deploy the document when the client lacks it. */
    declare deploy: boolean;

    constructor() {
      super();
      this.deploy = false;
      this.scenario = doc.id;
      this.version = doc.version;
    }

    protected override async definitionMissing(id: string, version: string | undefined) {
      const by = this.member;
      if (!this.deploy || !by || id !== doc.id || version !== doc.version) return false;
      const r = await this.client?.deploy(doc, by);
      return r?.ok === true;
    }
  }
  customElements.define(tag, ScenarioElement);
  return ScenarioElement;
}
