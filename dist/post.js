// The action's post step (action.yml `runs.post`): runs it from the shared bundle.
import { post } from "./action.js";
await post();
