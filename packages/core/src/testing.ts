// @zhizhi/core/testing — the Client conformance suite every implementation runs.
export {
  type ClientUnderTest,
  clientConformance,
  type TestApi,
} from './testing/clientConformance.js';
