import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { parse } from "yaml";
import { bundlePath } from "../../helpers/bundles.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const WORKSPACE_FIXTURE = path.join(root, "__tests__", "fixtures", "action", "workspace");

/**
 * The action's `dist/index.js` as `scripts/bundle.js` built it (helpers/bundles.ts): the tests
 * run what the runner runs, out of reach of the repository's node_modules.
 */
export function actionBundle(): string {
  return bundlePath("index.js");
}

/** A copy of the fixture workspace in a temporary directory (the action writes into it). */
export function copyWorkspace(): string {
  const workspace = path.join(mkdtempSync(path.join(tmpdir(), "rbx-ws-")), "repo");
  cpSync(WORKSPACE_FIXTURE, workspace, { recursive: true });
  return workspace;
}

interface ActionYmlInputs {
  inputs: Record<string, { default?: string }>;
}

/** `INPUT_*` variables as the runner sets them: every input, with action.yml's defaults. */
function inputEnv(inputs: Readonly<Record<string, string>>, token: string): Record<string, string> {
  const declared = (parse(readFileSync(path.join(root, "action.yml"), "utf8")) as ActionYmlInputs)
    .inputs;
  const env: Record<string, string> = {};
  for (const [name, spec] of Object.entries(declared)) {
    const fallback = (spec.default ?? "").replace("${{ github.token }}", token);
    env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] = inputs[name] ?? fallback;
  }
  return env;
}

/** Read `GITHUB_OUTPUT`: `name<<DELIMITER\nvalue\nDELIMITER\n` records. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const record = /^(.+?)<<(.+)\n([\s\S]*?)\n\2\n/gm;
  for (const match of text.matchAll(record)) outputs[match[1] ?? ""] = match[3] ?? "";
  return outputs;
}

export interface DistRunOptions {
  readonly bundle: string;
  readonly workspace: string;
  readonly inputs?: Readonly<Record<string, string>>;
  readonly eventName: string;
  /** The event payload, written to `GITHUB_EVENT_PATH`. */
  readonly event: unknown;
  readonly apiUrl?: string;
  readonly token?: string;
  readonly extraEnv?: Readonly<Record<string, string>>;
  /** Send `signal` to the action once its stdout contains `text`, as the runner does on cancel. */
  readonly signalWhen?: { readonly text: string; readonly signal: NodeJS.Signals };
}

export interface DistRun {
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
}

/** Run `node dist/index.js` the way the runner starts a JavaScript action. */
export async function runDist(options: DistRunOptions): Promise<DistRun> {
  const runner = mkdtempSync(path.join(tmpdir(), "rbx-runner-"));
  const files = {
    event: path.join(runner, "event.json"),
    output: path.join(runner, "output"),
    summary: path.join(runner, "summary.md"),
    temp: path.join(runner, "temp"),
  };
  mkdirSync(files.temp);
  writeFileSync(files.event, JSON.stringify(options.event));
  writeFileSync(files.output, "");
  writeFileSync(files.summary, "");
  const token = options.token ?? "ghs_testtoken";
  const env = {
    PATH: process.env["PATH"] ?? "",
    HOME: runner,
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_REPOSITORY: "acme/ops",
    GITHUB_API_URL: options.apiUrl ?? "http://127.0.0.1:9",
    RUNNER_TEMP: files.temp,
    ...inputEnv(options.inputs ?? {}, token),
    ...options.extraEnv,
  };
  const child = spawn(process.execPath, [options.bundle], {
    cwd: options.workspace,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let signalled = false;
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    if (
      options.signalWhen !== undefined &&
      !signalled &&
      stdout.includes(options.signalWhen.text)
    ) {
      signalled = true;
      child.kill(options.signalWhen.signal);
    }
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exitCode = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(files.output, "utf8")),
    summary: readFileSync(files.summary, "utf8"),
  };
}

/** The workflow-command lines (`::kind props::message`) printed on stdout. */
export function workflowCommands(stdout: string, kind: "error" | "warning" | "notice"): string[] {
  return stdout.split("\n").filter((line) => line.startsWith(`::${kind}`));
}
