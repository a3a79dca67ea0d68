import { withdrawToolSecrets } from "../../adapters/process/secret-environment.js";
import { tolerateBrokenPipe } from "./broken-pipe.js";
import { main } from "./main.js";

// First thing: the tool's secrets leave the process environment and live in memory only.
const env = withdrawToolSecrets();

tolerateBrokenPipe(process.stdout, process.stderr);
process.exitCode = await main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env,
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
});
