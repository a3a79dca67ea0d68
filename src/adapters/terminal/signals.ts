import { RUN_SIGNALS, type SignalSource } from "../../run/ports.js";

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
