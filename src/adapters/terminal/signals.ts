import { RUN_SIGNALS, type RunSignal, type SignalSource } from "../../run/ports.js";

/**
 * SIGINT and SIGTERM of this process. While subscribed, the default action (exit at once) is
 * replaced by the handler, so the run can kill its step's group and write `run_end` first.
 */
export const processSignals: SignalSource = (handler) => {
  const listeners = RUN_SIGNALS.map((name) => {
    const listener = (): void => handler(name);
    process.on(name, listener);
    return { name, listener };
  });
  return () => {
    for (const { name, listener } of listeners) process.off(name, listener);
  };
};

/**
 * SIGINT and SIGTERM caught for the whole life of the process, for the action: the runner's
 * cancel must never kill it before the log is ended and uploaded. A signal that arrives before
 * the run subscribes is handed to it on subscription, so a cancelled job starts no step.
 */
export function latchedProcessSignals(): SignalSource {
  let received: RunSignal | undefined;
  let current: ((signal: RunSignal) => void) | undefined;
  for (const name of RUN_SIGNALS) {
    process.on(name, () => {
      received ??= name;
      current?.(name);
    });
  }
  return (handler) => {
    current = handler;
    const early = received;
    if (early !== undefined) setImmediate(() => handler(early));
    return () => {
      if (current === handler) current = undefined;
    };
  };
}
