/**
 * The layout's arrows (docs/architecture.md), checked in `npm test`:
 * the pure stages and the use cases never reach the outside world or the renderers,
 * vendor SDKs are imported only by adapters, and faces never import each other.
 */
const CORE =
  "^src/(core|parse|lint|shell|classify|risk|plan|gate|run|execute|audit|redact|llm|config|app)/";
const VENDOR_SDKS = "^(@anthropic-ai/sdk|@slack/web-api|@actions/|@modelcontextprotocol/)";

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
      from: { path: "^src/faces/([^/]+)/" },
      to: { path: "^src/faces/", pathNot: "^src/faces/$1/" },
    },
    {
      name: "vendor-sdks-in-adapters",
      comment: "Only src/adapters/ imports vendor SDKs; the core sees narrow ports.",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/adapters/" },
      to: {
        path: VENDOR_SDKS,
        dependencyTypes: [
          "npm",
          "npm-dev",
          "npm-optional",
          "npm-peer",
          "npm-no-pkg",
          "npm-unknown",
        ],
      },
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
