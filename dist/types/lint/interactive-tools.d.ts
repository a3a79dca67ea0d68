import { type Check } from "./interactive-kinds.js";
/** The fix for every editor: change files without one. */
export declare const EDIT_FILES = "Change files with `sed -i`, `tee`, or a heredoc (`cat > file <<'EOF'`)";
/** `vim`, `vi`, `nvim`: fine in ex batch mode (`-es`), otherwise they need a terminal. */
export declare const editor: Check;
/** A database shell that waits for typed SQL unless given it by flag or on stdin. */
export declare const dbClient: (label: string, runFlags: {
    short: string;
    long: readonly string[];
}, fix: string) => Check;
/** `psql` and `gitlab-psql`. */
export declare const PSQL: Check;
/** `kubectl` / `oc`: `edit`, followed logs, watches, port-forwards and attach. */
export declare const kubectl: Check;
/** `docker` / `podman`: followed logs, attach, and `run`/`exec` with a TTY (`-it`). */
export declare const container: Check;
/** `git commit` without a message, `git rebase -i`, `git add -p`. */
export declare const git: Check;
/** `rails console` / `gitlab-rails console` (and `c`, `dbconsole`, `db`) without stdin. */
export declare const rails: Check;
/** An interpreter started with no arguments is a REPL. */
export declare const repl: Check;
/** `ssh -N` never ends; `ssh host` with no command is a login shell. */
export declare const ssh: Check;
/** `su`, `sudo -i`, `sudo -s`: a shell waiting for typed commands. */
export declare const login: (label: string) => Check;
