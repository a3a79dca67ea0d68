// The action's main step (action.yml `runs.main`): runs it from the shared bundle.
import { main } from "./action.js";
await main();
