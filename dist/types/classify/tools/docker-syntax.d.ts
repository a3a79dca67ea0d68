import { type Syntax } from "../grammar/syntax.js";
/** `docker compose …` and `docker-compose …` from the word after it. */
export declare const COMPOSE: Syntax;
/** docker, podman and nerdctl from the word after the name. */
export declare const DOCKER: Syntax;
export declare const CRICTL: Syntax;
export declare const CTR: Syntax;
