import type { RunnerIO } from "../../adapters/github/ports.js";
import type { InputName, OutputName } from "./inputs.js";

/** The runner as the action sees it: {@link RunnerIO} with the names `action.yml` declares. */
export interface ActionIO extends RunnerIO {
  /** Raw input value, `""` when unset. */
  getInput(name: InputName): string;
  setOutput(name: OutputName, value: string): void;
}
