import { unsafeIds } from './safeIdSchema.js';

/**
 * @internal A regex lookahead, to put right after `^`, that fails on exactly one of the
 * {@link unsafeIds}, so that an id pattern refuses them and stays expressible in JSON Schema
 * (the scenario format's ids, the machine JSON's state keys).
 */
export const NOT_UNSAFE_ID = `(?!(?:${unsafeIds.join('|')})$)`;
