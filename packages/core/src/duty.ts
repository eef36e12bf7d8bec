// @zhizhi/core/duty — the duty lists (清单): the grid worker's "6+1" list and assessment by
// the list, the town's routing lists, and the community's four lists and one catalogue.
export * from './duty/index.js';
