import { tolerateBrokenPipe } from "./broken-pipe.js";
import { main } from "./main.js";

tolerateBrokenPipe(process.stdout, process.stderr);
process.exitCode = await main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
});
