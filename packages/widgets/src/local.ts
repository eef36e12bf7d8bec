// @zhizhi/widgets/local — run the widgets without a server: LocalClient (which pulls in the
// runtime) and what building one needs, kept out of the main bundle.

export { Directory, SimulatedClock } from '@zhizhi/core';
export { LocalClient, type LocalClientOptions } from '@zhizhi/core/client';
export { MemoryStore } from '@zhizhi/core/runtime';
