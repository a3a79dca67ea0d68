// The one bundle of the action (dist/action.js): both steps in it, so the code they share (the
// artifact client above all) ships once. dist/index.js and dist/post.js, the files action.yml
// names, each import it and start their step (scripts/bundle.js writes them).
export { main } from "./main.js";
export { post } from "./post.js";
