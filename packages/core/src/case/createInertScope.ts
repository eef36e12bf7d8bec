import { type AnyActorScope, type AnyStateMachine, createActor, type InputFrom } from 'xstate';

/**
 * One inert actor scope for stepping a machine with its own pure `transition` (no live actor):
 * actions are handed to `onAction` instead of being executed. XState's exported `transition()`
 * builds such a scope — a whole actor — on every call; the steppers build one per machine.
 *
 * @internal
 * @example
 * ```ts
 * // const scope = createInertScope(machine, input, (action) => effects.push(action));
 * // machine.transition(snapshot, event, scope);
 * ```
 */
export function createInertScope<M extends AnyStateMachine>(
  machine: M,
  input: InputFrom<M>,
  onAction: (action: { type: string; params: unknown }) => void,
): AnyActorScope {
  const self = createActor(machine, { input } as never);
  return {
    self,
    defer: () => {},
    id: '',
    logger: () => {},
    sessionId: '',
    stopChild: () => {},
    system: self.system,
    emit: () => {},
    actionExecutor: (action: { type: string; params: unknown }) => onAction(action),
  } as unknown as AnyActorScope;
}
