/**
 * The layout's arrows (docs/architecture.md), checked in `npm test`:
 * the pure stages and the use cases never reach the outside world or the renderers,
 * vendor SDKs are imported only by adapters, and faces never import each other.
 */
const CORE =
  "^src/(core|parse|lint|shell|classify|risk|plan|gate|run|execute|audit|redact|llm|config|app)/";
const VENDOR_SDKS = "^node_modules/(@anthropic-ai/sdk|@slack/web-api|@actions/)";
const NPM_DEPENDENCY_TYPES = [
  "npm",
  "npm-dev",
  "npm-optional",
  "npm-peer",
  "npm-no-pkg",
  "npm-unknown",
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "core-not-outward",
      comment:
        "Pure stages, the run loop and the use cases never import adapters, renderers or faces: they return data.",
      severity: "error",
      from: { path: CORE },
      to: { path: "^src/(adapters|present|faces)/" },
    },
    {
      name: "pure-stages-no-io-layers",
      comment:
        "Parsing, linting, classification, risk and planning are pure: they never import the gate, the run loop, the executor, the use cases or the model client.",
      severity: "error",
      from: { path: "^src/(core|parse|lint|shell|classify|risk|plan)/" },
      to: { path: "^src/(gate|run|execute|app|llm)/" },
    },
    {
      name: "present-not-outward",
      comment: "Renderers turn data into text; they never call adapters or faces.",
      severity: "error",
      from: { path: "^src/present/" },
      to: { path: "^src/(adapters|faces)/" },
    },
    {
      name: "adapters-not-faces",
      comment: "Adapters implement ports; faces compose them, never the other way round.",
      severity: "error",
      from: { path: "^src/adapters/" },
      to: { path: "^src/faces/" },
    },
    {
      name: "faces-independent",
      comment: "A face (cli, action, mcp) never imports another face.",
      severity: "error",
      from: { path: "^src/faces/([^/]+)/", pathNot: "^src/faces/cli/commands/mcp-server\\.ts$" },
      to: { path: "^src/faces/", pathNot: "^src/faces/$1/" },
    },
    {
      name: "mcp-command-only-through-serve",
      comment:
        "The one exception: `runbook-exec mcp-server` is a command of the CLI program, so the CLI's command module starts the MCP face through its one entry (serve.ts) and nothing else.",
      severity: "error",
      from: { path: "^src/faces/cli/commands/mcp-server\\.ts$" },
      to: { path: "^src/faces/mcp/", pathNot: "^src/faces/mcp/serve\\.ts$" },
    },
    {
      name: "vendor-sdks-in-adapters",
      comment: "Only src/adapters/ imports vendor SDKs; the core sees narrow ports.",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/adapters/" },
      to: { path: VENDOR_SDKS, dependencyTypes: NPM_DEPENDENCY_TYPES },
    },
    {
      name: "mcp-sdk-in-mcp-face",
      comment:
        "The MCP server SDK is the MCP face's transport and protocol: imported only by src/faces/mcp/ (and a future src/adapters/mcp/), like the other vendor SDKs by their adapters.",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/(adapters|faces)/mcp/" },
      to: { path: "^node_modules/@modelcontextprotocol/", dependencyTypes: NPM_DEPENDENCY_TYPES },
    },
    {
      name: "mcp-client-tests-only",
      comment:
        "The MCP client package is a devDependency for tests; it must never ship in a bundle.",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^node_modules/@modelcontextprotocol/client/" },
    },
    {
      name: "no-circular",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
    },
  },
};
